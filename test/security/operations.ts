import { randomUUID } from 'node:crypto';
import type { Role } from '@vertelpunt/domain';
import { validAnswersFor } from '../support/builders';
import type { TestOrganisation } from '../support/harness';

/**
 * Every GraphQL query and mutation of the API, with a document, variables built from the ids of one organisation
 * (a "target") and who may call it. `operations.int.spec.ts` fails when the schema has an operation that is not here,
 * so a new operation cannot be forgotten; the role matrix in the README is this table.
 */

export type Caller = 'anonymous' | Role;
export const CALLERS: Caller[] = ['anonymous', 'wijkcoach', 'facilitator', 'manager', 'admin'];

/**
 * ✔ allowed · ✘ refused (FORBIDDEN/UNAUTHENTICATED) · "own only": allowed for the caller's own items, FORBIDDEN on
 * anyone else's · "redacted": allowed, but titles, free-text answers and raw text come anonymised or null ·
 * "link only": anonymous only with a vertel-link token (these variables carry none, so refused here) ·
 * "aggregates": allowed, but every count that rests on fewer than MIN_GROUP_SIZE stories comes back null.
 */
export type Access = '✔' | '✘' | 'own only' | 'redacted' | 'link only' | 'aggregates';

/** Ids of one organisation's data: every kind of row an operation can name. */
export type Target = {
  org: TestOrganisation;
  organisationId: string;
  /** READY, told by the organisation's wijkcoach, in the Tafel's basket, with a suggested tag. */
  storyId: string;
  /** READY, told by the wijkcoach, not in the basket. */
  otherStoryId: string;
  /** Told by the wijkcoach; the one withdrawStory and updateStoryAnswers act on. */
  spareStoryId: string;
  tagId: string;
  /** The wijkcoach vertelpunt (no link). */
  vertelpuntId: string;
  /** The inwoner vertelpunt and its vertel-link. */
  linkVertelpuntId: string;
  linkToken: string;
  questionnaireId: string;
  questionnaireVersionId: string;
  wijkId: string;
  tafelId: string;
  insightId: string;
  interventionId: string;
  watTeltClientId: string;
  /** A second Wat telt client that eraseDataSubject erases, and its code (the confirmation). */
  erasableClientId: string;
  erasableClientCode: string;
  /** A member (wijkcoach only) that admins may change and remove. */
  memberUserId: string;
  facilitatorUserId: string;
  /** A unique word in the organisation's titles, texts, names and codes. */
  marker: string;
};

export type Operation = {
  kind: 'query' | 'mutation';
  group: string;
  document: string;
  variables: (t: Target) => Record<string, unknown>;
  /** The same operation aimed at the caller's own rows (`own`) mixed with ids of another organisation (`other`). */
  mixed?: (own: Target, other: Target) => Record<string, unknown>;
  /** Variables for the cross-organisation run when the normal ones would be a legitimate call (login). */
  crossVariables?: (t: Target) => Record<string, unknown>;
  access: Record<Caller, Access>;
  /** "own only" that acts on the target's item: allowed only for this role (the teller of the target stories). */
  ownedBy?: Role;
  /** Whoever holds the token (a vertel-link) may read what it opens, whatever their organisation. */
  publicByToken?: boolean;
  /** Run with a fresh session of the caller (the call ends it). */
  freshSession?: boolean;
  note?: string;
};

const access = (anonymous: Access, wijkcoach: Access, facilitator: Access, manager: Access, admin: Access) => ({
  anonymous,
  wijkcoach,
  facilitator,
  manager,
  admin,
});
const ADMIN = access('✘', '✘', '✘', '✘', '✔');
const TAFEL_READ = access('✘', '✘', '✔', '✔', '✔');
const TAFEL_EDIT = access('✘', '✘', '✔', '✘', '✔');
const EXPLORER = access('✘', 'redacted', 'redacted', '✘', 'redacted');
const EXPORT = access('✘', '✘', 'redacted', '✘', 'redacted');
const PATTERNS = access('✘', '✔', '✔', 'aggregates', '✔');
const REGISTERS = access('✘', '✔', '✘', '✘', '✔');
const TAG_DECIDE = access('✘', '✘', '✔', '✘', '✔');
const STORY_READERS = access('✘', 'redacted', 'redacted', '✘', '✔');

/** What a story gives out, raw fields included: the leak search looks at all of it. */
const STORY = `id status title redactedTitle redactedText text transcript tellerKind vertelpuntName hasAudio
  wijk { id name } answers { questionId kind text optionIds archetypeIds }
  unredacted { title text } tags { state tag { id label } } permissions { seeUnredacted decideTags }
  tagHistory { id decision } addableTags { id }`;
const TAFEL = `id title question storyCount canEdit wijk { id name } facilitator { id name } printPack { status }
  canSeeStories stories { position note story { id redactedTitle redactedText } } insights { id text storyIds storyCount }
  interventions { id action owner status }`;
const VERTELPUNT = `id name audience isOpen linkToken organisationName wijk { id name } questionnaire { id name }
  form { questionnaireVersionId questions { id } }`;
const MEMBER = 'userId email name roles disabled otherOrganisations';
const CLIENT = 'id code team measurementCount wijk { id name } measurements { id } goals { id }';
const FILTER = `query($f: StoryFilterInput) {
  exploreStories(filter: $f, first: 50) { totalCount edges { node { id title excerpt tags { id label } vertelpunt { id label } wijk { id label } } } }
}`;

const tafelInput = (t: Target, title = `Tafel ${t.marker}`) => ({
  title,
  date: '2099-05-01',
  question: `Vraag ${t.marker}`,
  wijkId: t.wijkId,
  facilitatorUserId: t.facilitatorUserId,
});
const storyInput = (t: Target, vertelpunt: Target = t) => ({
  id: randomUUID(),
  vertelpuntId: vertelpunt.vertelpuntId,
  questionnaireVersionId: t.questionnaireVersionId,
  title: `Nieuw verhaal ${t.marker}`,
  text: `Een verhaal over de buurt ${t.marker}.`,
  consentVersion: 'test-1',
  consentUsage: ['leren'],
  answers: validAnswersFor(t.org, t.org.versions.wijkcoach.questions),
});
const measurement = (clientId: string, t: Target) => ({
  clientId,
  measuredOn: '2026-02-01',
  rapportcijfer: 7,
  note: `Notitie ${t.marker}`,
  leefgebieden: [],
  goals: [],
  goalUpdates: [],
});

export const OPERATIONS: Record<string, Operation> = {
  // ── Session ─────────────────────────────────────────────────────────────────────────────────────────────────────
  login: {
    kind: 'mutation',
    group: 'Session',
    document: 'mutation($i: LoginInput!) { login(input: $i) { token user { id name email } } }',
    variables: (t) => ({ i: { email: t.org.users.manager.email, password: t.org.users.manager.password } }),
    // Not the other organisation's e-mail: a wrong password there would (rightly) count towards its lockout.
    crossVariables: () => ({ i: { email: `niemand-${randomUUID()}@test.vertelpunt.nl`, password: 'fout-wachtwoord-1' } }),
    access: access('✔', '✔', '✔', '✔', '✔'),
  },
  logout: {
    kind: 'mutation',
    group: 'Session',
    document: 'mutation { logout }',
    variables: () => ({}),
    access: access('✔', '✔', '✔', '✔', '✔'),
    freshSession: true,
    note: 'ends only the session that sends it',
  },
  loginOptions: {
    kind: 'query',
    group: 'Session',
    document: '{ loginOptions { oidc { label } } }',
    variables: () => ({}),
    access: access('✔', '✔', '✔', '✔', '✔'),
    note: 'public: whether OpenID Connect sign-in is on, and its label',
  },
  startOidcLogin: {
    kind: 'mutation',
    group: 'Session',
    document: 'mutation { startOidcLogin { authorizationUrl state nonce codeVerifier } }',
    variables: () => ({}),
    access: access('✔', '✔', '✔', '✔', '✔'),
    note: 'public; NOT_FOUND when OpenID Connect is off',
  },
  finishOidcLogin: {
    kind: 'mutation',
    group: 'Session',
    document: 'mutation($i: OidcLoginFinishInput!) { finishOidcLogin(input: $i) { token hasRoles user { id email } } }',
    variables: () => ({
      i: { callbackUrl: 'http://localhost:3000/inloggen/oidc/terug?code=x&state=y', state: 'a'.repeat(43), nonce: 'b'.repeat(43), codeVerifier: 'c'.repeat(43) },
    }),
    access: access('✔', '✔', '✔', '✔', '✔'),
    note: "public; only with the provider's code for the state, nonce and PKCE verifier it was started with",
  },
  me: {
    kind: 'query',
    group: 'Session',
    document: '{ me { id name email memberships { roles organisation { id name slug } } } }',
    variables: () => ({}),
    access: access('✘', '✔', '✔', '✔', '✔'),
  },

  // ── Telling ─────────────────────────────────────────────────────────────────────────────────────────────────────
  vertelLink: {
    kind: 'query',
    group: 'Telling',
    document: `query($token: String!) { vertelLink(token: $token) { ${VERTELPUNT} } }`,
    variables: (t) => ({ token: t.linkToken }),
    access: access('✔', '✔', '✔', '✔', '✔'),
    note: 'public: the vertelpunt behind a link (never its token)',
    publicByToken: true,
  },
  vertelpunten: {
    kind: 'query',
    group: 'Telling',
    document: `{ vertelpunten { ${VERTELPUNT} } }`,
    variables: () => ({}),
    access: access('✘', '✔', '✘', '✘', '✔'),
    note: 'wijkcoaches: the open wijkcoach vertelpunten',
  },
  createStory: {
    kind: 'mutation',
    group: 'Telling',
    document: `mutation($input: CreateStoryInput!) { createStory(input: $input) { __typename
      ... on StoryCreated { story { ${STORY} } } ... on StoryRejected { problems { field message } } } }`,
    variables: (t) => ({ input: storyInput(t) }),
    // Own vertelpunt with the other's questionnaire version, and an id the other organisation already uses.
    mixed: (own, other) => ({ input: { ...storyInput(own), questionnaireVersionId: other.questionnaireVersionId, id: other.storyId } }),
    access: access('link only', '✔', '✘', '✘', '✔'),
  },
  myStories: {
    kind: 'query',
    group: 'Stories',
    document: `{ myStories(first: 50) { edges { node { ${STORY} } } } }`,
    variables: () => ({}),
    access: access('✘', 'own only', 'own only', 'own only', 'own only'),
  },
  updateStoryAnswers: {
    kind: 'mutation',
    group: 'Stories',
    document: `mutation($id: ID!, $answers: [AnswerInput!]!) { updateStoryAnswers(id: $id, answers: $answers) { __typename
      ... on StoryUpdated { story { ${STORY} } } ... on StoryRejected { problems { field message } } } }`,
    variables: (t) => ({ id: t.spareStoryId, answers: validAnswersFor(t.org, t.org.versions.wijkcoach.questions) }),
    access: access('✘', 'own only', 'own only', 'own only', 'own only'),
    ownedBy: 'wijkcoach',
  },
  withdrawStory: {
    kind: 'mutation',
    group: 'Stories',
    document: `mutation($id: ID!) { withdrawStory(id: $id) { id status } }`,
    variables: (t) => ({ id: t.spareStoryId }),
    access: access('✘', 'own only', 'own only', 'own only', 'own only'),
    ownedBy: 'wijkcoach',
  },

  // ── Stories of the organisation ───────────────────────────────────────────────────────────────────────────────
  stories: {
    kind: 'query',
    group: 'Stories',
    document: `{ stories(first: 50) { edges { node { ${STORY} } } } }`,
    variables: () => ({}),
    access: STORY_READERS,
    note: 'raw text/title only for the teller and admins (audited); managers see aggregates only',
  },
  story: {
    kind: 'query',
    group: 'Stories',
    document: `query($id: ID!) { story(id: $id) { ${STORY} similarStories(first: 5) { score story { id redactedTitle } } } }`,
    variables: (t) => ({ id: t.storyId }),
    access: STORY_READERS,
    note: 'wijkcoaches: their own raw, the others anonymised; also similarStories',
  },
  exploreStories: {
    kind: 'query',
    group: 'Explorer',
    document: FILTER,
    variables: (t) => ({ f: { vertelpuntIds: [t.vertelpuntId], wijkIds: [t.wijkId], tagIds: [t.tagId] } }),
    mixed: (own, other) => ({ f: { similarTo: other.storyId, q: other.marker } }),
    access: EXPLORER,
    note: 'anonymised titles and excerpts, for admins too',
  },
  explorerOptions: {
    kind: 'query',
    group: 'Explorer',
    document: `{ explorerOptions { wijken { id label } vertelpunten { id label } archetypeSets { id name archetypes { id label } }
      taxonomies { id key name tags { id label } } leefgebieden { id label } questions { id prompt options { id label } } } }`,
    variables: () => ({}),
    access: access('✘', '✔', '✔', '✔', '✔'),
    note: 'the filter choices (labels, no stories); also for Patronen',
  },
  exportStories: {
    kind: 'query',
    group: 'Explorer',
    document: `query($f: StoryFilterInput) { exportStories(format: CSV, filter: $f) { filename mimeType contentBase64 storyCount truncated } }`,
    variables: (t) => ({ f: { vertelpuntIds: [t.vertelpuntId] } }),
    mixed: (own, other) => ({ f: { similarTo: other.storyId } }),
    access: EXPORT,
    note: 'redacted text only, free-text answers left out; audited',
  },
  storiesOverTime: {
    kind: 'query',
    group: 'Patronen',
    document: `query($f: StoryFilterInput) { storiesOverTime(filter: $f, unit: MONTH) { unit total buckets { period wijkcoach inwoner } suppression { minGroupSize reason } } }`,
    variables: (t) => ({ f: { wijkIds: [t.wijkId], tagIds: [t.tagId] } }),
    mixed: (own, other) => ({ f: { similarTo: other.storyId, q: other.marker } }),
    access: PATTERNS,
    note: 'counts only',
  },
  archetypeDistribution: {
    kind: 'query',
    group: 'Patronen',
    document: `query($f: StoryFilterInput) { archetypeDistribution(filter: $f) { wijkcoachTotal inwonerTotal archetypes { id label setName } } }`,
    variables: (t) => ({ f: { vertelpuntIds: [t.vertelpuntId] } }),
    mixed: (own, other) => ({ f: { similarTo: other.storyId } }),
    access: PATTERNS,
    note: 'counts and archetype names',
  },
  tagHeatmap: {
    kind: 'query',
    group: 'Patronen',
    document: `query($f: StoryFilterInput) { tagHeatmap(filter: $f, by: WIJK) { by total tags { id label taxonomyKey } columns { key label total } cells { tagId column count } } }`,
    variables: (t) => ({ f: { wijkIds: [t.wijkId] } }),
    mixed: (own, other) => ({ f: { wijkIds: [other.wijkId], tagIds: [other.tagId] } }),
    access: PATTERNS,
    note: 'counts, tag labels and wijk names',
  },
  dyadHistograms: {
    kind: 'query',
    group: 'Patronen',
    document: `query($f: StoryFilterInput) { dyadHistograms(filter: $f) { questionnaireId questionId prompt answered bins { bin count } } }`,
    variables: (t) => ({ f: { wijkIds: [t.wijkId] } }),
    mixed: (own, other) => ({ f: { similarTo: other.storyId } }),
    access: PATTERNS,
    note: 'counts per slider bin',
  },
  canvasDensity: {
    kind: 'query',
    group: 'Patronen',
    document: `query($f: StoryFilterInput) { canvasDensity(filter: $f) { questionnaireId questionId prompt answered } }`,
    variables: (t) => ({ f: { wijkIds: [t.wijkId] } }),
    mixed: (own, other) => ({ f: { similarTo: other.storyId } }),
    access: PATTERNS,
    note: 'counts per canvas cell',
  },
  compareSelections: {
    kind: 'query',
    group: 'Patronen',
    document: `query($a: StoryFilterInput!, $b: StoryFilterInput!) { compareSelections(a: $a, b: $b) { totalA totalB items { countA countB test { verdict } } suppression { reason } } }`,
    variables: (t) => ({ a: { wijkIds: [t.wijkId] }, b: { tagIds: [t.tagId] } }),
    mixed: (own, other) => ({ a: { wijkIds: [other.wijkId], tagIds: [own.tagId] }, b: { wijkIds: [own.wijkId], similarTo: other.storyId } }),
    access: PATTERNS,
    note: 'counts and tests, no stories',
  },

  // ── Processing and tags ───────────────────────────────────────────────────────────────────────────────────────
  processingOverview: {
    kind: 'query',
    group: 'Processing',
    document: '{ processingOverview { queues { name } failedStories { id title failureReason } } }',
    variables: () => ({}),
    access: ADMIN,
  },
  retryStory: {
    kind: 'mutation',
    group: 'Processing',
    document: 'mutation($id: ID!) { retryStory(id: $id) { id status title } }',
    variables: (t) => ({ id: t.storyId }),
    access: ADMIN,
  },
  decideStoryTag: {
    kind: 'mutation',
    group: 'Processing',
    document: `mutation($s: ID!, $t: ID!) { decideStoryTag(storyId: $s, tagId: $t, decision: CONFIRM) { ${STORY} } }`,
    variables: (t) => ({ s: t.storyId, t: t.tagId }),
    mixed: (own, other) => ({ s: own.storyId, t: other.tagId }),
    access: TAG_DECIDE,
  },
  addStoryTag: {
    kind: 'mutation',
    group: 'Processing',
    document: `mutation($s: ID!, $t: ID!) { addStoryTag(storyId: $s, tagId: $t) { ${STORY} } }`,
    variables: (t) => ({ s: t.storyId, t: t.tagId }),
    mixed: (own, other) => ({ s: own.storyId, t: other.tagId }),
    access: TAG_DECIDE,
  },

  // ── ErvaringenTafels ──────────────────────────────────────────────────────────────────────────────────────────
  tafels: { kind: 'query', group: 'Tafels', document: `{ tafels { ${TAFEL} } }`, variables: () => ({}), access: TAFEL_READ },
  tafel: {
    kind: 'query',
    group: 'Tafels',
    document: `query($id: ID!) { tafel(id: $id) { ${TAFEL} } }`,
    variables: (t) => ({ id: t.tafelId }),
    access: TAFEL_READ,
    note: 'managers: the basket and linked stories as counts only (stories empty, no print pack)',
  },
  tafelFacilitators: { kind: 'query', group: 'Tafels', document: '{ tafelFacilitators { id name } }', variables: () => ({}), access: TAFEL_READ },
  tafelWijken: { kind: 'query', group: 'Tafels', document: '{ tafelWijken { id name } }', variables: () => ({}), access: TAFEL_READ },
  tafelStorySearch: {
    kind: 'query',
    group: 'Tafels',
    document: `query($t: ID!, $q: String!) { tafelStorySearch(tafelId: $t, text: $q, first: 50) { id redactedTitle redactedText inBasket } }`,
    variables: (t) => ({ t: t.tafelId, q: '' }),
    mixed: (own, other) => ({ t: own.tafelId, q: other.marker }),
    access: TAFEL_EDIT,
    note: 'finding stories for the basket: editors only',
  },
  createTafel: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($input: TafelInput!) { createTafel(input: $input) { ${TAFEL} } }`,
    variables: (t) => ({ input: tafelInput(t, 'Nieuwe tafel') }),
    mixed: (own, other) => ({ input: { ...tafelInput(own, 'Nieuwe tafel'), facilitatorUserId: other.facilitatorUserId } }),
    access: TAFEL_EDIT,
  },
  updateTafel: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($id: ID!, $input: TafelInput!) { updateTafel(id: $id, input: $input) { ${TAFEL} } }`,
    variables: (t) => ({ id: t.tafelId, input: tafelInput(t) }),
    mixed: (own, other) => ({ id: own.tafelId, input: { ...tafelInput(own), wijkId: other.wijkId } }),
    access: TAFEL_EDIT,
  },
  addTafelInsight: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $input: TafelInsightInput!) { addTafelInsight(tafelId: $t, input: $input) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, input: { text: 'Inzicht', storyIds: [t.storyId] } }),
    mixed: (own, other) => ({ t: own.tafelId, input: { text: 'Inzicht', storyIds: [other.storyId] } }),
    access: TAFEL_EDIT,
  },
  updateTafelInsight: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $id: ID!, $input: TafelInsightInput!) { updateTafelInsight(tafelId: $t, id: $id, input: $input) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, id: t.insightId, input: { text: `Inzicht ${t.marker}`, storyIds: [t.storyId] } }),
    mixed: (own, other) => ({ t: own.tafelId, id: other.insightId, input: { text: 'Overschreven', storyIds: [own.storyId] } }),
    access: TAFEL_EDIT,
  },
  deleteTafelInsight: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $id: ID!) { deleteTafelInsight(tafelId: $t, id: $id) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, id: t.insightId }),
    mixed: (own, other) => ({ t: own.tafelId, id: other.insightId }),
    access: TAFEL_EDIT,
  },
  addTafelIntervention: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $input: TafelInterventionInput!) { addTafelIntervention(tafelId: $t, input: $input) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, input: { action: 'Actie', owner: 'Team', status: 'open' } }),
    access: TAFEL_EDIT,
  },
  updateTafelIntervention: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $id: ID!, $input: TafelInterventionInput!) { updateTafelIntervention(tafelId: $t, id: $id, input: $input) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, id: t.interventionId, input: { action: `Actie ${t.marker}`, owner: 'Team', status: 'bezig' } }),
    mixed: (own, other) => ({ t: own.tafelId, id: other.interventionId, input: { action: 'Overschreven', owner: 'Team', status: 'klaar' } }),
    access: TAFEL_EDIT,
  },
  deleteTafelIntervention: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $id: ID!) { deleteTafelIntervention(tafelId: $t, id: $id) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, id: t.interventionId }),
    mixed: (own, other) => ({ t: own.tafelId, id: other.interventionId }),
    access: TAFEL_EDIT,
  },
  setTafelStoryNote: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $s: ID!) { setTafelStoryNote(tafelId: $t, storyId: $s, note: "Notitie") { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, s: t.storyId }),
    mixed: (own, other) => ({ t: own.tafelId, s: other.storyId }),
    access: TAFEL_EDIT,
  },
  moveTafelStory: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $s: ID!) { moveTafelStory(tafelId: $t, storyId: $s, position: 0) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, s: t.storyId }),
    mixed: (own, other) => ({ t: own.tafelId, s: other.storyId }),
    access: TAFEL_EDIT,
  },
  requestTafelPrintPack: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!) { requestTafelPrintPack(tafelId: $t) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId }),
    access: TAFEL_EDIT,
  },
  addStoryToTafel: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $s: ID!) { addStoryToTafel(tafelId: $t, storyId: $s) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, s: t.otherStoryId }),
    mixed: (own, other) => ({ t: own.tafelId, s: other.storyId }),
    access: TAFEL_EDIT,
  },
  addDiverseStoriesToTafel: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!) { addDiverseStoriesToTafel(tafelId: $t, count: 3, seed: "s") { addedStoryIds tafel { ${TAFEL} } } }`,
    variables: (t) => ({ t: t.tafelId }),
    access: TAFEL_EDIT,
  },
  reorderTafelStories: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $s: [ID!]!) { reorderTafelStories(tafelId: $t, storyIds: $s) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, s: [t.storyId] }),
    mixed: (own, other) => ({ t: own.tafelId, s: [own.storyId, other.storyId] }),
    access: TAFEL_EDIT,
  },
  removeStoryFromTafel: {
    kind: 'mutation',
    group: 'Tafels',
    document: `mutation($t: ID!, $s: ID!) { removeStoryFromTafel(tafelId: $t, storyId: $s) { ${TAFEL} } }`,
    variables: (t) => ({ t: t.tafelId, s: t.storyId }),
    mixed: (own, other) => ({ t: own.tafelId, s: other.storyId }),
    access: TAFEL_EDIT,
  },

  // ── Wat telt ──────────────────────────────────────────────────────────────────────────────────────────────────
  watTeltBoard: {
    kind: 'query',
    group: 'Wat telt',
    document: '{ watTeltBoard { leefgebieden { key label } isDefault wijken { id name } teams } }',
    variables: () => ({}),
    access: access('✘', '✔', '✘', '✔', '✔'),
    note: 'managers get team names, never clients',
  },
  watTeltClients: { kind: 'query', group: 'Wat telt', document: `{ watTeltClients { ${CLIENT} } }`, variables: () => ({}), access: REGISTERS },
  watTeltClient: {
    kind: 'query',
    group: 'Wat telt',
    document: `query($id: ID!) { watTeltClient(id: $id) { ${CLIENT} } }`,
    variables: (t) => ({ id: t.watTeltClientId }),
    access: REGISTERS,
  },
  watTeltImpact: {
    kind: 'query',
    group: 'Wat telt',
    document: `query($s: WatTeltImpactSelectionInput) { watTeltImpact(selection: $s) { minGroupSize inwonersWithFollowUp { suppressed value } } }`,
    variables: (t) => ({ s: { wijkId: t.wijkId } }),
    access: access('✘', '✘', '✘', '✔', '✔'),
    note: 'aggregates only, small groups suppressed',
  },
  watTeltImpactReport: {
    kind: 'query',
    group: 'Wat telt',
    document: `query($s: WatTeltImpactSelectionInput) { watTeltImpactReport(selection: $s, format: XLSX) { filename mimeType contentBase64 } }`,
    variables: (t) => ({ s: { wijkId: t.wijkId } }),
    access: access('✘', '✘', '✘', '✔', '✔'),
    note: 'the impact figures as XLSX/PDF, suppressed as in the API',
  },
  watTeltStorySide: {
    kind: 'query',
    group: 'Wat telt',
    document: `query($s: WatTeltImpactSelectionInput) { watTeltStorySide(selection: $s) { months { month stories } archetypes { label stories } tagTrends { by periods { key stories } tags { label counts } } interventions { id date tafel action owner } } }`,
    variables: (t) => ({ s: { wijkId: t.wijkId } }),
    access: access('✘', '✘', '✘', '✔', '✔'),
    note: 'story counts, tag trends and Tafel actions beside the impact',
  },
  watTeltInterventionEffect: {
    kind: 'query',
    group: 'Wat telt',
    document: `query($id: ID!, $s: WatTeltImpactSelectionInput) { watTeltInterventionEffect(interventionId: $id, selection: $s, months: 3) {
      intervention { id action } stories { suppressed before after tags { label countBefore countAfter } } rapportcijfer { suppressed meanBefore meanAfter } followed { suppressed n } summary } }`,
    variables: (t) => ({ id: t.interventionId, s: { wijkId: t.wijkId } }),
    mixed: (own, other) => ({ id: other.interventionId, s: { wijkId: own.wijkId } }),
    access: access('✘', '✘', '✘', '✔', '✔'),
    note: 'before/after around a Tafel intervention, small groups suppressed',
  },
  createWatTeltClient: {
    kind: 'mutation',
    group: 'Wat telt',
    document: `mutation($input: CreateWatTeltClientInput!) { createWatTeltClient(input: $input) { ${CLIENT} } }`,
    variables: (t) => ({ input: { code: `C-${Math.floor(Math.random() * 1_000_000)}`, wijkId: t.wijkId, team: 'Team' } }),
    access: REGISTERS,
  },
  recordWatTeltMeasurement: {
    kind: 'mutation',
    group: 'Wat telt',
    document: `mutation($input: RecordWatTeltMeasurementInput!) { recordWatTeltMeasurement(input: $input) { __typename
      ... on WatTeltMeasurementRecorded { measurement { id } } ... on WatTeltMeasurementRejected { problems { field message } } } }`,
    variables: (t) => ({ input: measurement(t.watTeltClientId, t) }),
    access: REGISTERS,
  },
  importWatTelt: {
    kind: 'mutation',
    group: 'Wat telt',
    document: `mutation($input: ImportWatTeltInput!) { importWatTelt(input: $input) { imported measurementsImported clientsCreated validRows invalidRows fileProblems } }`,
    variables: () => ({ input: { csv: 'geen,geldige,kop\n1,2,3\n', validRowsOnly: false } }),
    access: REGISTERS,
  },
  setWatTeltLeefgebieden: {
    kind: 'mutation',
    group: 'Wat telt',
    document: 'mutation { setWatTeltLeefgebieden(leefgebieden: []) { leefgebieden { key } isDefault } }',
    variables: () => ({}),
    access: ADMIN,
  },

  // ── Beheer ────────────────────────────────────────────────────────────────────────────────────────────────────
  questionnaires: {
    kind: 'query',
    group: 'Beheer',
    document: '{ questionnaires { id key name audience versions { id } current { questionnaireVersionId intro } } }',
    variables: () => ({}),
    access: ADMIN,
  },
  publishQuestionnaireVersion: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($q: ID!, $input: QuestionnaireVersionInput!) { publishQuestionnaireVersion(questionnaireId: $q, input: $input) { __typename
      ... on QuestionnaireRejected { problems { field message } } } }`,
    // No questions and no prompt: refused with problems, so the questionnaire stays as it was.
    variables: (t) => ({ q: t.questionnaireId, input: { intro: '', storyPrompt: '', titlePrompt: '', questions: [] } }),
    access: ADMIN,
  },
  createVertelpunt: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($input: CreateVertelpuntInput!) { createVertelpunt(input: $input) { ${VERTELPUNT} } }`,
    variables: (t) => ({ input: { name: 'Nieuw vertelpunt', audience: 'inwoner', questionnaireId: t.questionnaireId, wijkId: t.wijkId } }),
    mixed: (own, other) => ({ input: { name: 'Nieuw vertelpunt', audience: 'inwoner', questionnaireId: own.questionnaireId, wijkId: other.wijkId } }),
    access: ADMIN,
  },
  updateVertelpunt: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($id: ID!, $input: UpdateVertelpuntInput!) { updateVertelpunt(id: $id, input: $input) { ${VERTELPUNT} } }`,
    variables: (t) => ({ id: t.linkVertelpuntId, input: { name: 'Hernoemd vertelpunt' } }),
    mixed: (own, other) => ({ id: own.linkVertelpuntId, input: { wijkId: other.wijkId } }),
    access: ADMIN,
  },
  renewVertelLink: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($id: ID!) { renewVertelLink(id: $id) { ${VERTELPUNT} } }`,
    variables: (t) => ({ id: t.linkVertelpuntId }),
    access: ADMIN,
  },
  revokeVertelLink: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($id: ID!) { revokeVertelLink(id: $id) { ${VERTELPUNT} } }`,
    variables: (t) => ({ id: t.linkVertelpuntId }),
    access: ADMIN,
  },
  members: { kind: 'query', group: 'Beheer', document: `{ members { ${MEMBER} } }`, variables: () => ({}), access: ADMIN },
  addMember: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($input: AddMemberInput!) { addMember(input: $input) { temporaryPassword member { ${MEMBER} } } }`,
    variables: () => ({ input: { email: `nieuw-${randomUUID().slice(0, 8)}@test.vertelpunt.nl`, name: 'Nieuwe collega', roles: ['wijkcoach'] } }),
    access: ADMIN,
    note: 'an existing account (any organisation) is added by e-mail and keeps its password',
  },
  setMemberRoles: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($input: SetMemberRolesInput!) { setMemberRoles(input: $input) { ${MEMBER} } }`,
    variables: (t) => ({ input: { userId: t.memberUserId, roles: ['wijkcoach', 'facilitator'] } }),
    access: ADMIN,
  },
  resetMemberPassword: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($id: ID!) { resetMemberPassword(userId: $id) { temporaryPassword member { ${MEMBER} } } }`,
    variables: (t) => ({ id: t.memberUserId }),
    access: ADMIN,
  },
  unlockMember: {
    kind: 'mutation',
    group: 'Beheer',
    document: `mutation($id: ID!) { unlockMember(userId: $id) { ${MEMBER} } }`,
    variables: (t) => ({ id: t.memberUserId }),
    access: ADMIN,
  },
  removeMember: {
    kind: 'mutation',
    group: 'Beheer',
    document: 'mutation($id: ID!) { removeMember(userId: $id) }',
    variables: (t) => ({ id: t.memberUserId }),
    access: ADMIN,
  },
  dataSubject: {
    kind: 'query',
    group: 'Privacy (AVG)',
    document: 'query($k: String!, $r: String!) { dataSubject(kind: $k, reference: $r) { kind id label confirmation stories audioFiles measurements exportPath } }',
    variables: (t) => ({ k: 'client', r: t.watTeltClientId }),
    access: ADMIN,
    note: 'a Wat telt client by code or id, a member by e-mail or id; counts only',
  },
  retentionReport: {
    kind: 'query',
    group: 'Privacy (AVG)',
    document: '{ retentionReport { audioDaysAfterTranscription storyYears items { kind count oldest cutoff } lastRunAt filesPending } }',
    variables: () => ({}),
    access: ADMIN,
    note: 'dry run of the retention job',
  },
  auditLog: {
    kind: 'query',
    group: 'Privacy (AVG)',
    document: 'query($u: ID) { auditLog(filter: { actorUserId: $u }, first: 20) { entries { id at action kind subjectType subjectId actorUserId actorName details } hasMore endCursor } }',
    variables: (t) => ({ u: t.facilitatorUserId }),
    access: ADMIN,
    note: 'who, when, what; never content',
  },
  eraseDataSubject: {
    kind: 'mutation',
    group: 'Privacy (AVG)',
    document: `mutation($input: EraseDataSubjectInput!) { eraseDataSubject(input: $input) { stories audioFiles answers storyTags vectors
      basketEntries insightsUnlinked measurements clients filesPending } }`,
    variables: (t) => ({ input: { kind: 'client', id: t.erasableClientId, confirmation: t.erasableClientCode } }),
    access: ADMIN,
    note: 'confirmed by typing the client code or e-mail; audited with counts only',
  },
};

/** Operations of the schema that no test covers yet; the inventory spec reports them as skipped. */
export const TODO_OPERATIONS: Record<string, string> = {};

/** What the role matrix expects for a call on the caller's own organisation's target. */
export const expectedAllowed = (op: Operation, caller: Caller): boolean => {
  const a = op.access[caller];
  if (a === '✘' || a === 'link only') return false;
  if (a === 'own only' && op.ownedBy) return caller === op.ownedBy;
  return true;
};

/** The role matrix as the README shows it; `operations.int.spec.ts` checks the README holds exactly this. */
export const roleMatrixMarkdown = (): string => {
  const rows = ['| operation | anonymous | wijkcoach | facilitator | manager | admin | note |', '|---|---|---|---|---|---|---|'];
  const groups = [...new Set(Object.values(OPERATIONS).map((op) => op.group))];
  for (const group of groups) {
    rows.push(`| **${group}** | | | | | | |`);
    for (const [name, op] of Object.entries(OPERATIONS).filter(([, o]) => o.group === group)) {
      const note = [op.ownedBy ? `own: only the ${op.ownedBy} who told it` : '', op.note ?? ''].filter(Boolean).join('; ');
      rows.push(`| \`${name}\` (${op.kind}) | ${CALLERS.map((c) => op.access[c]).join(' | ')} | ${note} |`);
    }
  }
  return rows.join('\n');
};
