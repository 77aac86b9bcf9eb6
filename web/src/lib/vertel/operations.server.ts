/** The GraphQL documents of the recorder (docs/api-contract-vertelpunt.md). Server-side only. */

const FORM = /* GraphQL */ `
  fragment Form on VertelForm {
    questionnaireVersionId
    version
    intro
    storyPrompt
    titlePrompt
    questions {
      id
      type
      prompt
      help
      required
      allowNotApplicable
      options {
        id
        label
        description
        icon
      }
      min
      max
      maxChoices
      minLabel
      maxLabel
      leftLabel
      rightLabel
      xLeftLabel
      xRightLabel
      yBottomLabel
      yTopLabel
      maxLength
      multiline
    }
  }
`;

export const VERTELPUNTEN = /* GraphQL */ `
  query Vertelpunten {
    vertelpunten {
      id
      name
      audience
      isOpen
      maxRecordingSeconds
      form {
        ...Form
      }
    }
  }
  ${FORM}
`;

export const VERTEL_LINK = /* GraphQL */ `
  query VertelLink($token: String!) {
    vertelLink(token: $token) {
      id
      name
      audience
      isOpen
      maxRecordingSeconds
      organisationName
      form {
        ...Form
      }
    }
  }
  ${FORM}
`;

export const CREATE_STORY = /* GraphQL */ `
  mutation CreateStory($input: CreateStoryInput!) {
    createStory(input: $input) {
      __typename
      ... on StoryCreated {
        story {
          id
          status
        }
      }
      ... on StoryRejected {
        problems {
          field
          message
        }
      }
    }
  }
`;

/**
 * What the browser may ask through /vertel/api/graphql, by operation name. The browser sends only
 * the name and the variables; the document is ours, so nothing else can be smuggled in under an
 * allowed name.
 */
export const BROWSER_OPERATIONS: Readonly<Record<string, string>> = Object.freeze({
  CreateStory: CREATE_STORY,
});
