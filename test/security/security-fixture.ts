import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '@vertelpunt/domain';
import { buildStoryInput, CREATE_STORY } from '../support/builders';
import { gql, login, seedTestOrganisation, type GraphQLResponse } from '../support/harness';
import { tellReadyStories } from '../support/ready-stories';
import type { Caller, Target } from './operations';

export const ROLES: Role[] = ['wijkcoach', 'facilitator', 'manager', 'admin'];

export type SecurityOrganisation = {
  target: Target;
  /** A session token per role (one user per role). */
  tokens: Record<Role, string>;
};

/** Sends an operation as a caller of an organisation; anonymous sends no token. */
export const callAs = <T = unknown>(
  url: string,
  org: SecurityOrganisation,
  caller: Caller,
  document: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse<T>> =>
  caller === 'anonymous'
    ? gql<T>(url, document, variables)
    : gql<T>(url, document, variables, { token: token ?? org.tokens[caller], organisationId: org.target.organisationId });

const must = async <T>(label: string, res: Promise<GraphQLResponse<T>>): Promise<T> => {
  const { data, errors } = await res;
  if (!data || errors) throw new Error(`${label}: ${JSON.stringify(errors)}`);
  return data;
};

/**
 * An organisation with data in every table, made through the real API: two READY stories (the real pipeline, so
 * steps, tags and vectors too), a third story, a Tafel with basket, insight and intervention, a Wat telt client with
 * a measurement and a goal, and an extra member. Every title, text, name and code carries `marker`.
 */
export const seedSecurityOrganisation = async (ds: DataSource, url: string, marker: string): Promise<SecurityOrganisation> => {
  const org = await seedTestOrganisation(ds, ROLES);
  const tokens = Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r, await login(url, org.users[r].email, org.users[r].password)] as const)),
  ) as Record<Role, string>;
  const as = (role: Role) => ({ token: tokens[role], organisationId: org.organisation.id });

  const [storyId, otherStoryId] = await tellReadyStories(ds, url, org, tokens.wijkcoach, [
    { title: `Mevrouw ${marker} durfde de post weer open te maken`, text: `Mevrouw ${marker} had schulden. Samen maakten we een plan met de schuldhulp.`, wijk: 0, archetypes: [0] },
    { title: `Buurman ${marker} kwam bij de koffieochtend`, text: `Meneer ${marker} zat alleen thuis. Nu helpt hij zelf mee in het buurthuis.`, wijk: 1, archetypes: [1] },
  ]);
  const spare = buildStoryInput(org, { title: `Derde verhaal ${marker}`, text: `Nog een verhaal met ${marker} erin.` });
  await must('spare story', gql(url, CREATE_STORY, { input: spare }, as('wijkcoach')));

  // Settled before anyone compares checksums: the third story goes through the pipeline too.
  for (let i = 0; ; i++) {
    const [row] = await ds.query('SELECT status FROM story WHERE id = $1', [spare.id]);
    if (row?.status === 'READY' || row?.status === 'FAILED') break;
    if (i > 400) throw new Error(`spare story not processed: ${row?.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const [suggested] = await ds.query('SELECT tag_id FROM story_tag WHERE story_id = $1 LIMIT 1', [storyId]);
  const [anyTag] = await ds.query('SELECT id FROM tag WHERE organisation_id = $1 LIMIT 1', [org.organisation.id]);
  const tagId: string = suggested?.tag_id ?? anyTag.id;

  const tafelFields = 'id insights { id } interventions { id }';
  const { createTafel } = await must(
    'tafel',
    gql<{ createTafel: { id: string } }>(url, `mutation($input: TafelInput!) { createTafel(input: $input) { id } }`, {
      input: { title: `Tafel ${marker}`, date: '2099-05-01', question: `Vraag ${marker}`, wijkId: org.wijken[0].id, facilitatorUserId: org.users.facilitator.id },
    }, as('facilitator')),
  );
  const tafelId = createTafel.id;
  await must('basket', gql(url, `mutation($t: ID!, $s: ID!) { addStoryToTafel(tafelId: $t, storyId: $s) { id } }`, { t: tafelId, s: storyId }, as('facilitator')));
  await must('note', gql(url, `mutation($t: ID!, $s: ID!, $n: String!) { setTafelStoryNote(tafelId: $t, storyId: $s, note: $n) { id } }`, { t: tafelId, s: storyId, n: `Notitie ${marker}` }, as('facilitator')));
  const withInsight = await must(
    'insight',
    gql<{ addTafelInsight: { insights: { id: string }[] } }>(url, `mutation($t: ID!, $i: TafelInsightInput!) { addTafelInsight(tafelId: $t, input: $i) { ${tafelFields} } }`, {
      t: tafelId,
      i: { text: `Inzicht ${marker}`, storyIds: [storyId] },
    }, as('facilitator')),
  );
  const withIntervention = await must(
    'intervention',
    gql<{ addTafelIntervention: { interventions: { id: string }[] } }>(url, `mutation($t: ID!, $i: TafelInterventionInput!) { addTafelIntervention(tafelId: $t, input: $i) { ${tafelFields} } }`, {
      t: tafelId,
      i: { action: `Actie ${marker}`, owner: `Eigenaar ${marker}`, status: 'open' },
    }, as('facilitator')),
  );

  // Own cards, so the organisation has rows in wat_telt_leefgebied too.
  await must('cards', gql(url, 'mutation($l: [WatTeltLeefgebiedInput!]!) { setWatTeltLeefgebieden(leefgebieden: $l) { isDefault } }', {
    l: [{ key: 'wonen', label: `Wonen ${marker}` }, { key: 'werk-en-geld', label: 'Werk en geld' }],
  }, as('admin')));
  // A print pack on disk, so its download can be attacked too.
  await must('print pack', gql(url, 'mutation($t: ID!) { requestTafelPrintPack(tafelId: $t) { id } }', { t: tafelId }, as('facilitator')));
  for (let i = 0; ; i++) {
    const res = await gql<{ tafel: { printPack: { status: string } } }>(url, 'query($id: ID!) { tafel(id: $id) { printPack { status } } }', { id: tafelId }, as('facilitator'));
    const status = res.data?.tafel.printPack.status;
    if (status === 'ready') break;
    if (status === 'failed' || i > 400) throw new Error(`print pack: ${JSON.stringify(res)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const { watTeltBoard } = await must('board', gql<{ watTeltBoard: { leefgebieden: { key: string }[] } }>(url, '{ watTeltBoard { leefgebieden { key } } }', {}, as('wijkcoach')));
  const { createWatTeltClient } = await must(
    'client',
    gql<{ createWatTeltClient: { id: string } }>(url, 'mutation($i: CreateWatTeltClientInput!) { createWatTeltClient(input: $i) { id } }', {
      i: { code: `NRD-${String(Date.now() % 1_000_000).padStart(6, '0')}`, wijkId: org.wijken[0].id, team: `Team ${marker}` },
    }, as('wijkcoach')),
  );
  const leefgebied = watTeltBoard.leefgebieden[0].key;
  const recorded = await must(
    'measurement',
    gql<{ recordWatTeltMeasurement: { __typename: string } }>(url, `mutation($i: RecordWatTeltMeasurementInput!) { recordWatTeltMeasurement(input: $i) { __typename
      ... on WatTeltMeasurementRejected { problems { field message } } } }`, {
      i: {
        clientId: createWatTeltClient.id,
        measuredOn: '2026-01-05',
        rapportcijfer: 6,
        note: `Notitie ${marker}`,
        leefgebieden: [{ leefgebied, inwoner: 4, professional: 5 }],
        goals: [{ leefgebied, text: `Doel ${marker}`, status: 'open' }],
        goalUpdates: [],
      },
    }, as('wijkcoach')),
  );
  if (recorded.recordWatTeltMeasurement.__typename !== 'WatTeltMeasurementRecorded') throw new Error(`measurement: ${JSON.stringify(recorded)}`);

  // A second client, only for eraseDataSubject (the first one stays for the other Wat telt operations).
  const erasableCode = `WIS-7${randomUUID().slice(0, 8).toUpperCase()}`;
  const { createWatTeltClient: erasable } = await must(
    'erasable client',
    gql<{ createWatTeltClient: { id: string } }>(url, 'mutation($i: CreateWatTeltClientInput!) { createWatTeltClient(input: $i) { id } }', {
      i: { code: erasableCode, wijkId: org.wijken[0].id, team: `Team ${marker}` },
    }, as('wijkcoach')),
  );

  const { addMember } = await must(
    'member',
    gql<{ addMember: { member: { userId: string } } }>(url, 'mutation($i: AddMemberInput!) { addMember(input: $i) { member { userId } } }', {
      i: { email: `reserve-${randomUUID().slice(0, 8)}@test.vertelpunt.nl`, name: `Reserve ${marker}`, roles: ['wijkcoach'] },
    }, as('admin')),
  );

  const target: Target = {
    org,
    organisationId: org.organisation.id,
    storyId,
    otherStoryId,
    spareStoryId: spare.id,
    tagId,
    vertelpuntId: org.vertelpunten.wijkcoach.id,
    linkVertelpuntId: org.vertelpunten.inwoner.id,
    linkToken: org.vertelpunten.inwoner.linkToken ?? '',
    questionnaireId: org.vertelpunten.wijkcoach.questionnaireId,
    questionnaireVersionId: org.versions.wijkcoach.id,
    wijkId: org.wijken[0].id,
    tafelId,
    insightId: withInsight.addTafelInsight.insights[0].id,
    interventionId: withIntervention.addTafelIntervention.interventions[0].id,
    watTeltClientId: createWatTeltClient.id,
    erasableClientId: erasable.id,
    erasableClientCode: erasableCode,
    memberUserId: addMember.member.userId,
    facilitatorUserId: org.users.facilitator.id,
    marker,
  };
  return { target, tokens };
};

/** A plain HTTP GET as a caller (the REST endpoints: print pack PDF, story audio). */
export const getAs = async (url: string, org: SecurityOrganisation, caller: Caller, pathname: string, organisationId = org.target.organisationId) => {
  const headers: Record<string, string> = {};
  if (caller !== 'anonymous') Object.assign(headers, { authorization: `Bearer ${org.tokens[caller]}`, 'x-organisation-id': organisationId });
  const res = await fetch(`${url}${pathname}`, { headers });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()).toString('latin1') };
};

/** A unique word the anonymiser leaves alone and no other data contains. */
export const newMarker = (prefix: string) => `${prefix}${randomUUID().replace(/[^a-f]/g, '').slice(0, 8)}`;

/** The codes an attack may get back; anything else (INTERNAL_SERVER_ERROR…) is a finding. */
export const REFUSALS = ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'BAD_USER_INPUT', 'CONFLICT'];
