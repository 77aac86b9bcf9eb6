import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { StoryRepository } from '@vertelpunt/db';
import {
  gql,
  login,
  openDataSource,
  seedTestOrganisation,
  startApi,
  testConfig,
  waitFor,
  type TestOrganisation,
} from '@vertelpunt/test/support/harness';
import { SAMPLE_STORIES, startWorkersInProcess, tellReadyStories } from '@vertelpunt/test/support/ready-stories';

const TAFEL = `id title date question upcoming storyCount canEdit canSeeStories wijk { name } facilitator { id name }
  printPack { status downloadPath error } stories { position note story { id redactedTitle redactedText wijkName } }
  insights { id text storyIds storyCount } interventions { id action owner status dueDate }`;
type TafelView = {
  id: string;
  title: string;
  date: string;
  question: string;
  upcoming: boolean;
  storyCount: number;
  canEdit: boolean;
  canSeeStories: boolean;
  wijk: { name: string } | null;
  facilitator: { id: string; name: string } | null;
  printPack: { status: string; downloadPath: string | null; error: string | null };
  stories: {
    position: number;
    note: string;
    story: { id: string; redactedTitle: string; redactedText: string; wijkName: string | null };
  }[];
  insights: { id: string; text: string; storyIds: string[]; storyCount: number }[];
  interventions: { id: string; action: string; owner: string; status: string; dueDate: string | null }[];
};
const CREATE = `mutation($input: TafelInput!) { createTafel(input: $input) { ${TAFEL} } }`;
const GET = `query($id: ID!) { tafel(id: $id) { ${TAFEL} } }`;
const ADD = `mutation($t: ID!, $s: ID!) { addStoryToTafel(tafelId: $t, storyId: $s) { ${TAFEL} } }`;
const MOVE = `mutation($t: ID!, $s: ID!, $p: Int!) { moveTafelStory(tafelId: $t, storyId: $s, position: $p) { ${TAFEL} } }`;
const order = (t: TafelView) => t.stories.map((s) => s.story.id);

describe('tafels resolver (real Postgres, Redis and workers)', () => {
  const audioDir = mkdtempSync(path.join(tmpdir(), 'vp-tafels-'));
  const config = testConfig('tafels-resolver', {
    AUDIO_DIR: audioDir,
    UPLOAD_DIR: path.join(audioDir, 'uploads'),
    RECOVERY_SWEEP_MS: '600000',
  });
  let ds: DataSource;
  let api: { app: INestApplication; url: string };
  let workers: INestApplicationContext;
  let org: TestOrganisation;
  let other: TestOrganisation;
  let facilitator: string;
  let manager: string;
  let coach: string;
  let otherFacilitator: string;
  let storyIds: string[];
  let otherStoryId: string;
  const as = (token: string, o = org) => ({ token, organisationId: o.organisation.id });
  const tafelInput = (o = org, overrides: Record<string, unknown> = {}) => ({
    title: 'Tafel schulden en zorg',
    date: '2099-03-12',
    question: 'Wat helpt mensen met geldzorgen echt?',
    wijkId: o.wijken[0].id,
    facilitatorUserId: o.users.facilitator.id,
    ...overrides,
  });
  const create = async (token = facilitator, o = org) => {
    const res = await gql<{ createTafel: TafelView }>(api.url, CREATE, { input: tafelInput(o) }, as(token, o));
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.createTafel;
  };

  beforeAll(async () => {
    ds = await openDataSource(config);
    [org, other] = [await seedTestOrganisation(ds), await seedTestOrganisation(ds)];
    api = await startApi(config);
    workers = await startWorkersInProcess(config);
    [facilitator, manager, coach] = await Promise.all(
      ['facilitator', 'manager', 'wijkcoach'].map((r) => login(api.url, org.users[r].email, org.users[r].password)),
    );
    otherFacilitator = await login(api.url, other.users.facilitator.email, other.users.facilitator.password);
    storyIds = await tellReadyStories(ds, api.url, org, coach, SAMPLE_STORIES);
    const otherCoach = await login(api.url, other.users.wijkcoach.email, other.users.wijkcoach.password);
    [otherStoryId] = await tellReadyStories(ds, api.url, other, otherCoach, SAMPLE_STORIES.slice(0, 1));
  }, 120_000);
  afterAll(async () => {
    await workers?.close();
    await api?.app.close();
    await ds?.destroy();
  });

  it('creates, lists and edits a Tafel for a facilitator of the organisation', async () => {
    const tafel = await create();
    expect(tafel).toMatchObject({
      title: 'Tafel schulden en zorg',
      date: '2099-03-12',
      upcoming: true,
      storyCount: 0,
      canEdit: true,
      wijk: { name: org.wijken[0].name },
    });
    expect(tafel.facilitator?.id).toBe(org.users.facilitator.id);

    const past = await gql<{ updateTafel: TafelView }>(
      api.url,
      `mutation($id: ID!, $input: TafelInput!) { updateTafel(id: $id, input: $input) { ${TAFEL} } }`,
      { id: tafel.id, input: tafelInput(org, { date: '2020-01-15', wijkId: null, title: 'Tafel eenzaamheid' }) },
      as(facilitator),
    );
    expect(past.data?.updateTafel).toMatchObject({ title: 'Tafel eenzaamheid', upcoming: false, wijk: null });

    const list = await gql<{ tafels: { id: string; upcoming: boolean }[] }>(
      api.url,
      '{ tafels { id upcoming } }',
      {},
      as(facilitator),
    );
    expect(list.data?.tafels).toEqual(expect.arrayContaining([{ id: tafel.id, upcoming: false }]));
  });

  it('names every wrong field, and refuses a facilitator or wijk of another organisation', async () => {
    const res = await gql(
      api.url,
      CREATE,
      {
        input: tafelInput(org, {
          title: ' ',
          date: '2026-02-30',
          wijkId: other.wijken[0].id,
          facilitatorUserId: other.users.facilitator.id,
        }),
      },
      as(facilitator),
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (res.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'date', 'wijkId', 'facilitatorUserId']));
  });

  it('keeps a basket of READY stories in order, shows only anonymised text, and takes notes', async () => {
    const tafel = await create();
    for (const id of storyIds.slice(0, 4)) await gql(api.url, ADD, { t: tafel.id, s: id }, as(facilitator));
    const again = await gql<{ addStoryToTafel: TafelView }>(
      api.url,
      ADD,
      { t: tafel.id, s: storyIds[0] },
      as(facilitator),
    );
    let view = again.data!.addStoryToTafel;
    expect(order(view)).toEqual(storyIds.slice(0, 4));
    expect(view.stories[0].story.redactedTitle).toBe('Mevrouw [NAAM] durfde de post weer open te maken');
    expect(JSON.stringify(view.stories)).not.toMatch(/Jansen|06-12345678|Bakker/);

    view = (
      await gql<{ moveTafelStory: TafelView }>(api.url, MOVE, { t: tafel.id, s: storyIds[3], p: 0 }, as(facilitator))
    ).data!.moveTafelStory;
    expect(order(view)).toEqual([storyIds[3], storyIds[0], storyIds[1], storyIds[2]]);
    view = (
      await gql<{ moveTafelStory: TafelView }>(api.url, MOVE, { t: tafel.id, s: storyIds[3], p: 1 }, as(facilitator))
    ).data!.moveTafelStory;
    expect(order(view)).toEqual([storyIds[0], storyIds[3], storyIds[1], storyIds[2]]);
    expect(view.stories.map((s) => s.position)).toEqual([0, 1, 2, 3]);

    const full = [storyIds[2], storyIds[1], storyIds[0], storyIds[3]];
    const reordered = await gql<{ reorderTafelStories: TafelView }>(
      api.url,
      `mutation($t: ID!, $ids: [ID!]!) { reorderTafelStories(tafelId: $t, storyIds: $ids) { ${TAFEL} } }`,
      { t: tafel.id, ids: full },
      as(facilitator),
    );
    expect(order(reordered.data!.reorderTafelStories)).toEqual(full);
    const partial = await gql(
      api.url,
      `mutation($t: ID!, $ids: [ID!]!) { reorderTafelStories(tafelId: $t, storyIds: $ids) { id } }`,
      { t: tafel.id, ids: full.slice(1) },
      as(facilitator),
    );
    expect(partial.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    await gql(
      api.url,
      `mutation($t: ID!, $s: ID!, $n: String!) { setTafelStoryNote(tafelId: $t, storyId: $s, note: $n) { id } }`,
      { t: tafel.id, s: storyIds[1], n: '  Begin hiermee  ' },
      as(facilitator),
    );
    const removed = await gql<{ removeStoryFromTafel: TafelView }>(
      api.url,
      `mutation($t: ID!, $s: ID!) { removeStoryFromTafel(tafelId: $t, storyId: $s) { ${TAFEL} } }`,
      { t: tafel.id, s: storyIds[2] },
      as(facilitator),
    );
    view = removed.data!.removeStoryFromTafel;
    expect(order(view)).toEqual([storyIds[1], storyIds[0], storyIds[3]]);
    expect(view.stories[0].note).toBe('Begin hiermee');
    expect(view.storyCount).toBe(3);
  });

  it('drops a story from the basket as soon as its teller withdraws it', async () => {
    const tafel = await create();
    const [id] = await tellReadyStories(ds, api.url, org, coach, SAMPLE_STORIES.slice(1, 2));
    await gql(api.url, ADD, { t: tafel.id, s: storyIds[0] }, as(facilitator));
    await gql(api.url, ADD, { t: tafel.id, s: id }, as(facilitator));
    const withdrawn = await gql(api.url, 'mutation($id: ID!) { withdrawStory(id: $id) { id } }', { id }, as(coach));
    expect(withdrawn.errors).toBeUndefined();
    const view = (await gql<{ tafel: TafelView }>(api.url, GET, { id: tafel.id }, as(facilitator))).data!.tafel;
    expect(order(view)).toEqual([storyIds[0]]);
    expect(view.storyCount).toBe(1);
  });

  it('refuses stories that are not READY', async () => {
    const tafel = await create();
    const failed = await new StoryRepository(ds).createOnce(
      {
        id: randomUUID(),
        organisationId: org.organisation.id,
        vertelpuntId: org.vertelpunten.wijkcoach.id,
        questionnaireVersionId: org.versions.wijkcoach.id,
        tellerUserId: org.users.wijkcoach.id,
        tellerKind: 'wijkcoach',
        wijkId: null,
        mode: 'text',
        title: 'Nog niet klaar',
        text: 'Tekst',
        audioKey: null,
        audioMimeType: null,
        audioBytes: null,
        audioSha256: null,
        audioDurationMs: null,
        transcript: null,
        transcriptSegments: null,
        redactedText: null,
        status: 'FAILED',
        failureReason: 'test',
        consent: { version: 't', agreedAt: new Date().toISOString(), usage: ['leren'] },
        toldAt: new Date(),
      },
      [],
    );
    const res = await gql(api.url, ADD, { t: tafel.id, s: failed!.id }, as(facilitator));
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('adds N different stories that spread over wijken and archetypes, the same for the same seed', async () => {
    const PICK = `mutation($t: ID!, $n: Int!, $seed: String) { addDiverseStoriesToTafel(tafelId: $t, count: $n, seed: $seed) { addedStoryIds tafel { ${TAFEL} } } }`;
    const [a, b] = [await create(), await create()];
    const first = await gql<{ addDiverseStoriesToTafel: { addedStoryIds: string[]; tafel: TafelView } }>(
      api.url,
      PICK,
      { t: a.id, n: 3, seed: 'vast' },
      as(facilitator),
    );
    const second = await gql<{ addDiverseStoriesToTafel: { addedStoryIds: string[]; tafel: TafelView } }>(
      api.url,
      PICK,
      { t: b.id, n: 3, seed: 'vast' },
      as(facilitator),
    );
    const picked = first.data!.addDiverseStoriesToTafel;
    expect(picked.addedStoryIds).toHaveLength(3);
    expect(second.data!.addDiverseStoriesToTafel.addedStoryIds).toEqual(picked.addedStoryIds);
    expect(order(picked.tafel)).toEqual(picked.addedStoryIds);
    expect(new Set(picked.tafel.stories.map((s) => s.story.wijkName)).size).toBe(2);
    expect(picked.addedStoryIds.every((id) => storyIds.includes(id))).toBe(true);

    const more = await gql<{ addDiverseStoriesToTafel: { addedStoryIds: string[]; tafel: TafelView } }>(
      api.url,
      PICK,
      { t: a.id, n: 10, seed: 'vast' },
      as(facilitator),
    );
    expect(more.data!.addDiverseStoriesToTafel.tafel.storyCount).toBe(SAMPLE_STORIES.length);
    expect(more.data!.addDiverseStoriesToTafel.addedStoryIds.some((id) => picked.addedStoryIds.includes(id))).toBe(
      false,
    );
  });

  it('records insights linked to basket stories and interventions; managers read, wijkcoaches and managers cannot write', async () => {
    const tafel = await create();
    await gql(api.url, ADD, { t: tafel.id, s: storyIds[0] }, as(facilitator));
    await gql(api.url, ADD, { t: tafel.id, s: storyIds[1] }, as(facilitator));
    const INSIGHT = `mutation($t: ID!, $i: TafelInsightInput!) { addTafelInsight(tafelId: $t, input: $i) { ${TAFEL} } }`;
    const INTERVENTION = `mutation($t: ID!, $i: TafelInterventionInput!) { addTafelIntervention(tafelId: $t, input: $i) { ${TAFEL} } }`;
    const insight = await gql<{ addTafelInsight: TafelView }>(
      api.url,
      INSIGHT,
      { t: tafel.id, i: { text: 'Vast contact maakt het verschil.', storyIds: [storyIds[0], storyIds[1]] } },
      as(facilitator),
    );
    expect(insight.data?.addTafelInsight.insights).toEqual([
      expect.objectContaining({ text: 'Vast contact maakt het verschil.', storyIds: [storyIds[0], storyIds[1]] }),
    ]);
    const notInBasket = await gql(
      api.url,
      INSIGHT,
      { t: tafel.id, i: { text: 'x', storyIds: [storyIds[5]] } },
      as(facilitator),
    );
    expect(notInBasket.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const added = await gql<{ addTafelIntervention: TafelView }>(
      api.url,
      INTERVENTION,
      {
        t: tafel.id,
        i: { action: 'Eén vast aanspreekpunt per gezin', owner: 'Team Noord', status: 'open', dueDate: '2099-06-01' },
      },
      as(facilitator),
    );
    const intervention = added.data!.addTafelIntervention.interventions[0];
    expect(intervention).toMatchObject({
      action: 'Eén vast aanspreekpunt per gezin',
      owner: 'Team Noord',
      status: 'open',
      dueDate: '2099-06-01',
    });
    const updated = await gql<{ updateTafelIntervention: TafelView }>(
      api.url,
      `mutation($t: ID!, $id: ID!, $i: TafelInterventionInput!) { updateTafelIntervention(tafelId: $t, id: $id, input: $i) { ${TAFEL} } }`,
      {
        t: tafel.id,
        id: intervention.id,
        i: { action: 'Eén vast aanspreekpunt per gezin', owner: 'Team Noord', status: 'bezig', dueDate: null },
      },
      as(facilitator),
    );
    expect(updated.data?.updateTafelIntervention.interventions[0]).toMatchObject({ status: 'bezig', dueDate: null });

    // Managers see aggregates only (issue 8): what came out, and the basket and linked stories as counts.
    const read = await gql<{ tafel: TafelView }>(api.url, GET, { id: tafel.id }, as(manager));
    expect(read.errors).toBeUndefined();
    expect(read.data?.tafel).toMatchObject({
      canEdit: false,
      canSeeStories: false,
      storyCount: 2,
      stories: [],
      insights: [{ text: 'Vast contact maakt het verschil.', storyIds: [], storyCount: 2 }],
      interventions: [expect.objectContaining({ status: 'bezig' })],
    });
    expect(JSON.stringify(read.data)).not.toContain(storyIds[0]);
    const facilitatorRead = (await gql<{ tafel: TafelView }>(api.url, GET, { id: tafel.id }, as(facilitator))).data!.tafel;
    expect(facilitatorRead).toMatchObject({ canSeeStories: true, storyCount: 2, insights: [{ storyIds: [storyIds[0], storyIds[1]], storyCount: 2 }] });
    expect(facilitatorRead.stories).toHaveLength(2);
    const managerSearch = await gql(api.url, `query($t: ID!) { tafelStorySearch(tafelId: $t, text: "") { id } }`, { t: tafel.id }, as(manager));
    expect(managerSearch.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const managerWrite = await gql(
      api.url,
      INTERVENTION,
      { t: tafel.id, i: { action: 'x', owner: 'y', status: 'open' } },
      as(manager),
    );
    expect(managerWrite.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const managerCreate = await gql(api.url, CREATE, { input: tafelInput() }, as(manager));
    expect(managerCreate.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const coachRead = await gql(api.url, GET, { id: tafel.id }, as(coach));
    expect(coachRead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(api.url, '{ tafels { id } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('treats ids of another organisation as not found, in both directions', async () => {
    const ours = await create();
    const theirs = await create(otherFacilitator, other);
    expect((await gql(api.url, GET, { id: ours.id }, as(otherFacilitator, other))).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await gql(api.url, ADD, { t: ours.id, s: otherStoryId }, as(otherFacilitator, other))).errors?.[0].extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await gql(api.url, ADD, { t: ours.id, s: otherStoryId }, as(facilitator))).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await gql(api.url, ADD, { t: theirs.id, s: storyIds[0] }, as(facilitator))).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await gql(api.url, GET, { id: 'geen-uuid' }, as(facilitator))).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
    const search = await gql<{ tafelStorySearch: { id: string; redactedTitle: string; inBasket: boolean }[] }>(
      api.url,
      `query($t: ID!) { tafelStorySearch(tafelId: $t, text: "post") { id redactedTitle inBasket } }`,
      { t: ours.id },
      as(facilitator),
    );
    expect(search.data?.tafelStorySearch.map((s) => s.id)).toEqual([storyIds[0]]);
    const download = await fetch(`${api.url}/tafels/${ours.id}/printpakket.pdf`, {
      headers: { authorization: `Bearer ${otherFacilitator}`, 'x-organisation-id': other.organisation.id },
    });
    expect(download.status).toBe(404);
  });

  it('has a worker make the print pack and serves it to story readers of the organisation, not to managers', async () => {
    const tafel = await create();
    await gql(api.url, ADD, { t: tafel.id, s: storyIds[0] }, as(facilitator));
    const requested = await gql<{ requestTafelPrintPack: TafelView }>(
      api.url,
      `mutation($t: ID!) { requestTafelPrintPack(tafelId: $t) { ${TAFEL} } }`,
      { t: tafel.id },
      as(facilitator),
    );
    expect(requested.errors).toBeUndefined();
    expect(['pending', 'ready']).toContain(requested.data?.requestTafelPrintPack.printPack.status);
    const ready = await waitFor(async () => {
      const t = (await gql<{ tafel: TafelView }>(api.url, GET, { id: tafel.id }, as(facilitator))).data?.tafel;
      return t?.printPack.status === 'ready' || t?.printPack.status === 'failed' ? t : null;
    });
    expect(ready.printPack).toMatchObject({ status: 'ready', downloadPath: `/tafels/${tafel.id}/printpakket.pdf` });
    // The cards are the stories: a manager sees that the pack is ready, but gets no link and no file.
    const managerView = (await gql<{ tafel: TafelView }>(api.url, GET, { id: tafel.id }, as(manager))).data!.tafel;
    expect(managerView.printPack).toMatchObject({ status: 'ready', downloadPath: null });
    const refused = await fetch(`${api.url}${ready.printPack.downloadPath}`, {
      headers: { authorization: `Bearer ${manager}`, 'x-organisation-id': org.organisation.id },
    });
    expect(refused.status).toBe(403);
    const res = await fetch(`${api.url}${ready.printPack.downloadPath}`, {
      headers: { authorization: `Bearer ${facilitator}`, 'x-organisation-id': org.organisation.id },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(`${api.url}${ready.printPack.downloadPath}`)).status).toBe(401);
  });
});
