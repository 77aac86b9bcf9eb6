import { apiGraphqlUrl, graphql } from '$lib/server/api';
import type { InterventionInput, InsightInput, TafelInput } from './tafel-form';

export type Scope = { token: string | null; organisationId: string | null };

export const scopeOf = (locals: Pick<App.Locals, 'token' | 'organisation'>): Scope => ({
  token: locals.token,
  organisationId: locals.organisation?.id ?? null,
});

export type PrintPackStatus = 'none' | 'pending' | 'ready' | 'failed';
export type InterventionStatus = 'open' | 'bezig' | 'klaar';

export type TafelSummary = {
  id: string;
  title: string;
  date: string;
  question: string;
  upcoming: boolean;
  storyCount: number;
  wijk: { id: string; name: string } | null;
  facilitator: { id: string; name: string } | null;
};

export type StoryCard = { id: string; redactedTitle: string; redactedText: string; wijkName: string | null };

export type TafelDetail = TafelSummary & {
  canEdit: boolean;
  /** False for managers: `stories` is empty and insights carry only `storyCount` (issue 8). */
  canSeeStories: boolean;
  printPack: { status: PrintPackStatus; readyAt: string | null; error: string | null; downloadPath: string | null };
  stories: { position: number; note: string; story: StoryCard }[];
  insights: { id: string; text: string; storyIds: string[]; storyCount: number }[];
  interventions: { id: string; action: string; owner: string; status: InterventionStatus; dueDate: string | null }[];
};

export type Option = { id: string; name: string };

const SUMMARY = `id title date question upcoming storyCount wijk { id name } facilitator { id name }`;
const DETAIL = `${SUMMARY} canEdit canSeeStories printPack { status readyAt error downloadPath }
  stories { position note story { id redactedTitle redactedText wijkName } }
  insights { id text storyIds storyCount } interventions { id action owner status dueDate }`;

export const fetchTafels = async (scope: Scope) =>
  (await graphql<{ tafels: TafelSummary[] }>(`query Tafels { tafels { ${SUMMARY} } }`, {}, scope)).tafels;

export const fetchTafel = async (scope: Scope, id: string) =>
  (await graphql<{ tafel: TafelDetail }>(`query Tafel($id: ID!) { tafel(id: $id) { ${DETAIL} } }`, { id }, scope))
    .tafel;

export const fetchChoices = async (scope: Scope) =>
  graphql<{ tafelFacilitators: Option[]; tafelWijken: Option[] }>(
    `
      query TafelKeuzes {
        tafelFacilitators {
          id
          name
        }
        tafelWijken {
          id
          name
        }
      }
    `,
    {},
    scope,
  );

export const searchStories = async (scope: Scope, tafelId: string, text: string) =>
  (
    await graphql<{ tafelStorySearch: (StoryCard & { inBasket: boolean })[] }>(
      `
        query TafelZoek($t: ID!, $text: String!) {
          tafelStorySearch(tafelId: $t, text: $text, first: 20) {
            id
            redactedTitle
            redactedText
            wijkName
            inBasket
          }
        }
      `,
      { t: tafelId, text },
      scope,
    )
  ).tafelStorySearch;

export const createTafel = async (scope: Scope, input: TafelInput) =>
  (
    await graphql<{ createTafel: { id: string } }>(
      `
        mutation ($input: TafelInput!) {
          createTafel(input: $input) {
            id
          }
        }
      `,
      { input },
      scope,
    )
  ).createTafel;

export const updateTafel = (scope: Scope, id: string, input: TafelInput) =>
  graphql(
    `
      mutation ($id: ID!, $input: TafelInput!) {
        updateTafel(id: $id, input: $input) {
          id
        }
      }
    `,
    { id, input },
    scope,
  );

export const addStory = (scope: Scope, tafelId: string, storyId: string) =>
  graphql(
    `
      mutation ($t: ID!, $s: ID!) {
        addStoryToTafel(tafelId: $t, storyId: $s) {
          id
        }
      }
    `,
    { t: tafelId, s: storyId },
    scope,
  );

export const removeStory = (scope: Scope, tafelId: string, storyId: string) =>
  graphql(
    `
      mutation ($t: ID!, $s: ID!) {
        removeStoryFromTafel(tafelId: $t, storyId: $s) {
          id
        }
      }
    `,
    { t: tafelId, s: storyId },
    scope,
  );

export const moveStory = (scope: Scope, tafelId: string, storyId: string, position: number) =>
  graphql(
    `
      mutation ($t: ID!, $s: ID!, $p: Int!) {
        moveTafelStory(tafelId: $t, storyId: $s, position: $p) {
          id
        }
      }
    `,
    { t: tafelId, s: storyId, p: position },
    scope,
  );

export const setNote = (scope: Scope, tafelId: string, storyId: string, note: string) =>
  graphql(
    `
      mutation ($t: ID!, $s: ID!, $n: String!) {
        setTafelStoryNote(tafelId: $t, storyId: $s, note: $n) {
          id
        }
      }
    `,
    { t: tafelId, s: storyId, n: note },
    scope,
  );

export const addDiverse = async (scope: Scope, tafelId: string, count: number) =>
  (
    await graphql<{ addDiverseStoriesToTafel: { addedStoryIds: string[] } }>(
      `
        mutation ($t: ID!, $n: Int!) {
          addDiverseStoriesToTafel(tafelId: $t, count: $n) {
            addedStoryIds
          }
        }
      `,
      { t: tafelId, n: count },
      scope,
    )
  ).addDiverseStoriesToTafel.addedStoryIds;

export const requestPrintPack = (scope: Scope, tafelId: string) =>
  graphql(
    `
      mutation ($t: ID!) {
        requestTafelPrintPack(tafelId: $t) {
          id
        }
      }
    `,
    { t: tafelId },
    scope,
  );

export const addInsight = (scope: Scope, tafelId: string, input: InsightInput) =>
  graphql(
    `
      mutation ($t: ID!, $i: TafelInsightInput!) {
        addTafelInsight(tafelId: $t, input: $i) {
          id
        }
      }
    `,
    { t: tafelId, i: input },
    scope,
  );

export const updateInsight = (scope: Scope, tafelId: string, id: string, input: InsightInput) =>
  graphql(
    `
      mutation ($t: ID!, $id: ID!, $i: TafelInsightInput!) {
        updateTafelInsight(tafelId: $t, id: $id, input: $i) {
          id
        }
      }
    `,
    { t: tafelId, id, i: input },
    scope,
  );

export const deleteInsight = (scope: Scope, tafelId: string, id: string) =>
  graphql(
    `
      mutation ($t: ID!, $id: ID!) {
        deleteTafelInsight(tafelId: $t, id: $id) {
          id
        }
      }
    `,
    { t: tafelId, id },
    scope,
  );

export const addIntervention = (scope: Scope, tafelId: string, input: InterventionInput) =>
  graphql(
    `
      mutation ($t: ID!, $i: TafelInterventionInput!) {
        addTafelIntervention(tafelId: $t, input: $i) {
          id
        }
      }
    `,
    { t: tafelId, i: input },
    scope,
  );

export const updateIntervention = (scope: Scope, tafelId: string, id: string, input: InterventionInput) =>
  graphql(
    `
      mutation ($t: ID!, $id: ID!, $i: TafelInterventionInput!) {
        updateTafelIntervention(tafelId: $t, id: $id, input: $i) {
          id
        }
      }
    `,
    { t: tafelId, id, i: input },
    scope,
  );

export const deleteIntervention = (scope: Scope, tafelId: string, id: string) =>
  graphql(
    `
      mutation ($t: ID!, $id: ID!) {
        deleteTafelIntervention(tafelId: $t, id: $id) {
          id
        }
      }
    `,
    { t: tafelId, id },
    scope,
  );

/** The API's PDF address for a download path it gave (`/tafels/<id>/printpakket.pdf`). */
export const apiFileUrl = (downloadPath: string) => apiGraphqlUrl().replace(/\/graphql$/, '') + downloadPath;

/** For the "Toevoegen aan Tafel" control on other pages: Tafels still to come, soonest first. */
export const fetchUpcomingTafels = async (scope: Scope): Promise<{ id: string; title: string; date: string }[]> =>
  (await fetchTafels(scope))
    .filter((t) => t.upcoming)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ id, title, date }) => ({ id, title, date }));
