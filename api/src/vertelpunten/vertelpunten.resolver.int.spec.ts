import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { buildStoryInput, CREATE_STORY, validAnswersFor } from '@vertelpunt/test/support/builders';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';

const FORM = `questionnaireVersionId version storyPrompt questions { id type prompt required allowNotApplicable min max options { id label description icon } }`;
type Form = { questionnaireVersionId: string; version: number; questions: { id: string; type: string; prompt: string; options: { id: string; label: string; icon: string | null }[] }[] };

describe('vertelpunten, vertel-links and questionnaire versions', () => {
  const config = testConfig('vertelpunten');
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let admin: string;
  let coach: string;
  const as = (token: string) => ({ token, organisationId: org.organisation.id });

  beforeAll(async () => {
    ds = await openDataSource(config);
    org = await seedTestOrganisation(ds);
    api = await startApi(config);
    admin = await login(api.url, org.users.admin.email, org.users.admin.password);
    coach = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });

  it('lets an anonymous inwoner read the form behind a vertel-link, with archetypes and wijken filled in', async () => {
    const token = org.vertelpunten.inwoner.linkToken!;
    const res = await gql<{ vertelLink: { name: string; organisationName: string; linkToken: string | null; form: Form } }>(
      api.url,
      `query($t: String!) { vertelLink(token: $t) { name organisationName linkToken form { ${FORM} } } }`,
      { t: token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.vertelLink.linkToken).toBeNull(); // never shown to the public
    const archetype = res.data?.vertelLink.form.questions.find((q) => q.type === 'archetype');
    expect(archetype?.options.length).toBeGreaterThanOrEqual(6);
    expect(archetype?.options[0].icon).toBeTruthy();
    const wijk = res.data?.vertelLink.form.questions.find((q) => q.type === 'wijk');
    expect(wijk?.options.map((o) => o.label)).toEqual(['Noord', 'Zuid']);
  });

  it('takes an anonymous story through a vertel-link, and refuses it once the link is revoked', async () => {
    const token = org.vertelpunten.inwoner.linkToken!;
    const input = { ...buildStoryInput(org, { vertelToken: token }), vertelpuntId: undefined, questionnaireVersionId: org.versions.inwoner.id };
    input.answers = validAnswersFor(org, org.versions.inwoner.questions);
    const created = await gql<{ createStory: { __typename: string } }>(api.url, CREATE_STORY, { input });
    expect(created.data?.createStory.__typename).toBe('StoryCreated');
    const [row] = await ds.query('SELECT teller_user_id, teller_kind FROM story WHERE id = $1', [input.id]);
    expect(row).toEqual({ teller_user_id: null, teller_kind: 'inwoner' });

    const revoked = await gql<{ revokeVertelLink: { linkToken: string | null } }>(
      api.url,
      'mutation($id: ID!) { revokeVertelLink(id: $id) { linkToken } }',
      { id: org.vertelpunten.inwoner.id },
      as(admin),
    );
    expect(revoked.data?.revokeVertelLink.linkToken).toBeNull();
    const again = await gql(api.url, CREATE_STORY, { input: { ...input, id: crypto.randomUUID() } });
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringContaining('vertel-link werkt niet'), extensions: { code: 'NOT_FOUND' } });
    const read = await gql(api.url, 'query($t: String!) { vertelLink(token: $t) { name } }', { t: token });
    expect(read.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const renewed = await gql<{ renewVertelLink: { linkToken: string } }>(api.url, 'mutation($id: ID!) { renewVertelLink(id: $id) { linkToken } }', { id: org.vertelpunten.inwoner.id }, as(admin));
    expect(renewed.data?.renewVertelLink.linkToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('keeps old stories on their version when an admin edits the questionnaire', async () => {
    const old = buildStoryInput(org);
    await gql(api.url, CREATE_STORY, { input: old }, as(coach));
    const questionnaireId = org.vertelpunten.wijkcoach.questionnaireId;
    const list = await gql<{ questionnaires: { id: string; current: Form }[] }>(api.url, `{ questionnaires { id current { ${FORM} } } }`, {}, as(admin));
    const current = list.data!.questionnaires.find((q) => q.id === questionnaireId)!.current;
    const version = org.versions.wijkcoach;
    const questions = version.questions.map((q) => ({ ...q, prompt: q.id === 'gevoel' ? 'Welk archetype past bij jou in dit verhaal?' : q.prompt, options: 'options' in q ? q.options : undefined }));
    const published = await gql<{ publishQuestionnaireVersion: { __typename: string; version?: { version: number } } }>(
      api.url,
      `mutation($id: ID!, $input: QuestionnaireVersionInput!) { publishQuestionnaireVersion(questionnaireId: $id, input: $input) {
        __typename ... on QuestionnairePublished { version { version } } ... on QuestionnaireRejected { problems { field message } } } }`,
      { id: questionnaireId, input: { intro: version.intro, storyPrompt: version.storyPrompt, titlePrompt: version.titlePrompt, questions } },
      as(admin),
    );
    expect(published.data?.publishQuestionnaireVersion).toEqual({ __typename: 'QuestionnairePublished', version: { version: current.version + 1 } });

    const oldStory = await gql<{ story: { form: Form } }>(api.url, `query($id: ID!) { story(id: $id) { form { ${FORM} } } }`, { id: old.id }, as(coach));
    expect(oldStory.data?.story.form.version).toBe(current.version);
    expect(oldStory.data?.story.form.questions.find((q) => q.id === 'gevoel')?.prompt).not.toContain('Welk archetype');
    const points = await gql<{ vertelpunten: { id: string; form: Form }[] }>(api.url, `{ vertelpunten { id form { ${FORM} } } }`, {}, as(coach));
    const form = points.data!.vertelpunten.find((v) => v.id === org.vertelpunten.wijkcoach.id)!.form;
    expect(form.questions.find((q) => q.id === 'gevoel')?.prompt).toBe('Welk archetype past bij jou in dit verhaal?');

    // A story told on the old version is still accepted and validated against it (a device that loaded the form earlier).
    const late = await gql<{ createStory: { __typename: string } }>(api.url, CREATE_STORY, { input: buildStoryInput(org) }, as(coach));
    expect(late.data?.createStory.__typename).toBe('StoryCreated');
  });

  it('refuses a questionnaire version with problems, per field', async () => {
    const res = await gql<{ publishQuestionnaireVersion: { __typename: string; problems: { field: string }[] } }>(
      api.url,
      `mutation($id: ID!, $input: QuestionnaireVersionInput!) { publishQuestionnaireVersion(questionnaireId: $id, input: $input) {
        __typename ... on QuestionnaireRejected { problems { field message } } } }`,
      { id: org.vertelpunten.wijkcoach.questionnaireId, input: { intro: '', storyPrompt: ' ', titlePrompt: 'Titel', questions: [{ id: 'a', type: 'single', prompt: 'Welke?', required: true, allowNotApplicable: false, options: [{ id: 'x', label: 'X' }] }] } },
      as(admin),
    );
    expect(res.data?.publishQuestionnaireVersion.__typename).toBe('QuestionnaireRejected');
    expect(res.data?.publishQuestionnaireVersion.problems.map((p) => p.field)).toEqual(['questions.0.options', 'storyPrompt']);
  });

  it('lets a wijkcoach edit answers of an own story and withdraw it, but not a colleague', async () => {
    const input = buildStoryInput(org);
    await gql(api.url, CREATE_STORY, { input }, as(coach));
    const update = `mutation($id: ID!, $a: [AnswerInput!]!) { updateStoryAnswers(id: $id, answers: $a) { __typename ... on StoryRejected { problems { field } } } }`;
    const tooMany = input.answers.map((a) => (a.questionId === 'gevoel' ? { ...a, archetypeIds: org.archetypeIdsInSet(org.versions.wijkcoach.questions.find((q) => q.type === 'archetype')!.archetypeSetId).slice(0, 3) } : a));
    const bad = await gql<{ updateStoryAnswers: { __typename: string; problems: { field: string }[] } }>(api.url, update, { id: input.id, a: tooMany }, as(coach));
    expect(bad.data?.updateStoryAnswers).toEqual({ __typename: 'StoryRejected', problems: [{ field: 'answers.gevoel' }] });
    const good = await gql<{ updateStoryAnswers: { __typename: string } }>(api.url, update, { id: input.id, a: input.answers.slice(0, 4) }, as(coach));
    expect(good.data?.updateStoryAnswers.__typename).toBe('StoryUpdated');

    const facilitator = await login(api.url, org.users.facilitator.email, org.users.facilitator.password);
    const notYours = await gql(api.url, 'mutation($id: ID!) { withdrawStory(id: $id) { status } }', { id: input.id }, as(facilitator));
    expect(notYours.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const withdrawn = await gql<{ withdrawStory: { status: string } }>(api.url, 'mutation($id: ID!) { withdrawStory(id: $id) { status } }', { id: input.id }, as(coach));
    expect(withdrawn.data?.withdrawStory.status).toBe('WITHDRAWN');
    const mine = await gql<{ myStories: { edges: { node: { id: string; status: string } }[] } }>(api.url, '{ myStories(first: 50) { edges { node { id status } } } }', {}, as(coach));
    expect(mine.data?.myStories.edges.find((e) => e.node.id === input.id)?.node.status).toBe('WITHDRAWN');
  });

  it('keeps vertelpunt management for admins', async () => {
    const res = await gql(api.url, 'mutation($id: ID!) { revokeVertelLink(id: $id) { id } }', { id: org.vertelpunten.inwoner.id }, as(coach));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
