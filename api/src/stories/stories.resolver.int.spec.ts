import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { buildStoryInput, validAnswersFor, CREATE_STORY, STORY } from '@vertelpunt/test/support/builders';
import { gql, login, openDataSource, seedTestOrganisation, startApi, testConfig, type TestOrganisation } from '@vertelpunt/test/support/harness';

type Created = { createStory: { __typename: string; story?: { id: string }; problems?: { field: string; message: string }[] } };

describe('stories resolver (real Postgres and Redis)', () => {
  const config = testConfig('stories-resolver');
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let org: TestOrganisation;
  let other: TestOrganisation;
  let coach: string;

  beforeAll(async () => {
    ds = await openDataSource(config);
    [org, other] = [await seedTestOrganisation(ds), await seedTestOrganisation(ds)];
    api = await startApi(config);
    coach = await login(api.url, org.users.wijkcoach.email, org.users.wijkcoach.password);
  });
  afterAll(async () => {
    await api?.app.close();
    await ds?.destroy();
  });
  const as = (token: string, o = org) => ({ token, organisationId: o.organisation.id });

  it('refuses a wrong password with a Dutch message and no token', async () => {
    const res = await gql(api.url, 'mutation { login(input: { email: "wijkcoach@nergens.nl", password: "fout" }) { token } }');
    expect(res.errors?.[0]).toMatchObject({ message: expect.stringContaining('wachtwoord'), extensions: { code: 'UNAUTHENTICATED' } });
    expect(res.errors?.[0].extensions).not.toHaveProperty('stacktrace');
  });

  it('asks anonymous callers to log in', async () => {
    const res = await gql(api.url, '{ stories { edges { cursor } } }');
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('names every invalid answer and stores nothing', async () => {
    const input = buildStoryInput(org, {
      text: '  ',
      answers: [
        { questionId: 'gevoel', archetypeIds: [...org.archetypeIdsInSet(org.versions.wijkcoach.questions.find((q) => q.type === 'archetype')!.archetypeSetId).slice(0, 3)] },
        { questionId: 'bestaat-niet', text: 'x' },
      ],
    });
    const res = await gql<Created>(api.url, CREATE_STORY, { input }, as(coach));
    expect(res.data?.createStory.__typename).toBe('StoryRejected');
    const fields = res.data?.createStory.problems?.map((p) => p.field) ?? [];
    expect(fields).toEqual(expect.arrayContaining(['text', 'answers.gevoel', 'answers.bestaat-niet']));
    const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM story WHERE id = $1', [input.id]);
    expect(count).toBe(0);
  });

  it('refuses wrong types with BAD_USER_INPUT per field', async () => {
    const res = await gql(api.url, CREATE_STORY, { input: { ...buildStoryInput(org), id: 'geen-uuid' } }, as(coach));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });
  });

  it('never shows or accepts another organisation’s ids', async () => {
    const foreign = buildStoryInput(other);
    const res = await gql<Created>(api.url, CREATE_STORY, { input: foreign }, as(coach));
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const otherCoach = await login(api.url, other.users.wijkcoach.email, other.users.wijkcoach.password);
    const theirs = buildStoryInput(other);
    await gql(api.url, CREATE_STORY, { input: theirs }, as(otherCoach, other));
    const peek = await gql(api.url, STORY, { id: theirs.id }, as(coach));
    expect(peek.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const claim = await gql(api.url, CREATE_STORY, { input: buildStoryInput(org, { id: theirs.id }) }, as(coach));
    expect(claim.errors?.[0].extensions?.code).toBe('CONFLICT');
    const asMember = await gql(api.url, '{ stories { edges { cursor } } }', {}, as(coach, other));
    expect(asMember.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only wijkcoaches tell at a wijkcoach vertelpunt', async () => {
    const facilitator = await login(api.url, org.users.facilitator.email, org.users.facilitator.password);
    const res = await gql(api.url, CREATE_STORY, { input: buildStoryInput(org) }, as(facilitator));
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('pages through stories newest first with a cursor', async () => {
    for (let i = 0; i < 3; i++) await gql(api.url, CREATE_STORY, { input: buildStoryInput(org, { title: `Verhaal ${i}` }) }, as(coach));
    const q = 'query($after: String) { stories(first: 2, after: $after) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } } }';
    type Page = { stories: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await gql<Page>(api.url, q, {}, as(coach));
    const second = await gql<Page>(api.url, q, { after: first.data?.stories.pageInfo.endCursor }, as(coach));
    expect(first.data?.stories.edges).toHaveLength(2);
    expect(first.data?.stories.pageInfo.hasNextPage).toBe(true);
    const ids = [...(first.data?.stories.edges ?? []), ...(second.data?.stories.edges ?? [])].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hides raw text from colleagues who did not tell the story', async () => {
    const input = buildStoryInput(org);
    await gql(api.url, CREATE_STORY, { input }, as(coach));
    const facilitator = await login(api.url, org.users.facilitator.email, org.users.facilitator.password);
    const seen = await gql<{ story: { text: string | null } }>(api.url, STORY, { id: input.id }, as(facilitator));
    expect(seen.data?.story.text).toBeNull();
    const own = await gql<{ story: { text: string | null } }>(api.url, STORY, { id: input.id }, as(coach));
    expect(own.data?.story.text).toBe(input.text);
  });

  it('anonymises free-text answers for colleagues; the teller and admins read them as typed', async () => {
    const version = org.versions.inwoner;
    const textQuestion = version.questions.find((q) => q.type === 'text')!;
    const typed = 'Mevrouw Yilmaz belde me op 06-12345678, dat hielp.';
    const answers = validAnswersFor(org, version.questions).map((a) => (a.questionId === textQuestion.id ? { questionId: a.questionId, text: typed } : a));
    // An inwoner tells through the vertel-link, anonymously.
    const input = buildStoryInput(org, { vertelpuntId: undefined, vertelToken: org.vertelpunten.inwoner.linkToken, questionnaireVersionId: version.id, answers });
    const res = await gql<{ createStory: { __typename: string } }>(api.url, CREATE_STORY, { input });
    expect(res.data?.createStory.__typename).toBe('StoryCreated');
    const questionId = textQuestion.id;
    const READ = 'query($id: ID!) { story(id: $id) { answers { questionId text } } }';
    const textOf = async (token: string) =>
      (await gql<{ story: { answers: { questionId: string; text: string | null }[] } }>(api.url, READ, { id: input.id }, as(token))).data?.story.answers.find((a) => a.questionId === questionId)?.text;
    const facilitator = await login(api.url, org.users.facilitator.email, org.users.facilitator.password);
    const seen = await textOf(facilitator);
    expect(seen).toContain('[NAAM]');
    expect(seen).toContain('[TELEFOON]');
    expect(seen).not.toContain('Yilmaz');
    const admin = await login(api.url, org.users.admin.email, org.users.admin.password);
    expect(await textOf(admin)).toBe(typed);
  });

  it('shows a colleague the anonymised title only, also in lists; the teller sees it as told', async () => {
    const input = buildStoryInput(org, { title: 'Gesprek met mevrouw Yilmaz' });
    await gql(api.url, CREATE_STORY, { input }, as(coach));
    const facilitator = await login(api.url, org.users.facilitator.email, org.users.facilitator.password);
    const single = await gql<{ story: { title: string } }>(api.url, 'query($id: ID!) { story(id: $id) { title } }', { id: input.id }, as(facilitator));
    expect(single.data?.story.title).not.toContain('Yilmaz');
    const list = await gql<{ stories: { edges: { node: { id: string; title: string } }[] } }>(api.url, '{ stories(first: 50) { edges { node { id title } } } }', {}, as(facilitator));
    expect(JSON.stringify(list.data)).not.toContain('Yilmaz');
    await ds.query(`UPDATE story SET redacted_title = 'Gesprek met mevrouw [NAAM]' WHERE id = $1`, [input.id]);
    const redacted = await gql<{ story: { title: string } }>(api.url, 'query($id: ID!) { story(id: $id) { title } }', { id: input.id }, as(facilitator));
    expect(redacted.data?.story.title).toBe('Gesprek met mevrouw [NAAM]');
    const own = await gql<{ story: { title: string } }>(api.url, 'query($id: ID!) { story(id: $id) { title } }', { id: input.id }, as(coach));
    expect(own.data?.story.title).toBe('Gesprek met mevrouw Yilmaz');
  });
});
