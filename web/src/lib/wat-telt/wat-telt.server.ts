import { graphql } from '$lib/server/api';
import type { Scope } from '$lib/beheer/beheer.server';
import type { BoardInput, FieldProblem, GoalStatusKey } from './board-form';

export type Leefgebied = { key: string; label: string };
export type Board = { leefgebieden: Leefgebied[]; isDefault: boolean; wijken: { id: string; name: string }[]; teams: string[] };

export type ClientSummary = {
  id: string;
  code: string;
  team: string | null;
  wijk: { id: string; name: string } | null;
  measurementCount: number;
  lastMeasuredOn: string | null;
};

export type Positions = { leefgebied: string; inwoner: number | null; professional: number | null; derde: number | null };

export type Measurement = {
  id: string;
  measuredOn: string;
  rapportcijfer: number;
  thirdRole: 'mantelzorger' | 'partner' | null;
  note: string;
  source: string;
  professionalName: string | null;
  leefgebieden: Positions[];
};

export type Goal = { id: string; leefgebied: string; text: string; status: GoalStatusKey; history: { status: GoalStatusKey; changedOn: string }[] };

export type ClientDetail = ClientSummary & { measurements: Measurement[]; goals: Goal[] };

const BOARD = /* GraphQL */ `
  query WatTeltBoard {
    watTeltBoard {
      isDefault
      leefgebieden {
        key
        label
      }
      wijken {
        id
        name
      }
      teams
    }
  }
`;

export const fetchBoard = async (scope: Scope): Promise<Board> => (await graphql<{ watTeltBoard: Board }>(BOARD, {}, scope)).watTeltBoard;

const CLIENTS = /* GraphQL */ `
  query WatTeltClients {
    watTeltClients {
      id
      code
      team
      wijk {
        id
        name
      }
      measurementCount
      lastMeasuredOn
    }
  }
`;

export const fetchClients = async (scope: Scope): Promise<ClientSummary[]> =>
  (await graphql<{ watTeltClients: ClientSummary[] }>(CLIENTS, {}, scope)).watTeltClients;

const CLIENT = /* GraphQL */ `
  query WatTeltClient($id: ID!) {
    watTeltClient(id: $id) {
      id
      code
      team
      wijk {
        id
        name
      }
      measurementCount
      lastMeasuredOn
      measurements {
        id
        measuredOn
        rapportcijfer
        thirdRole
        note
        source
        professionalName
        leefgebieden {
          leefgebied
          inwoner
          professional
          derde
        }
      }
      goals {
        id
        leefgebied
        text
        status
        history {
          status
          changedOn
        }
      }
    }
  }
`;

export const fetchClient = async (scope: Scope, id: string): Promise<ClientDetail> =>
  (await graphql<{ watTeltClient: ClientDetail }>(CLIENT, { id }, scope)).watTeltClient;

const CREATE_CLIENT = /* GraphQL */ `
  mutation CreateWatTeltClient($input: CreateWatTeltClientInput!) {
    createWatTeltClient(input: $input) {
      id
    }
  }
`;

export const createClient = async (scope: Scope, input: { code: string; wijkId: string | null; team: string | null }): Promise<string> =>
  (await graphql<{ createWatTeltClient: { id: string } }>(CREATE_CLIENT, { input }, scope)).createWatTeltClient.id;

const RECORD = /* GraphQL */ `
  mutation RecordWatTeltMeasurement($input: RecordWatTeltMeasurementInput!) {
    recordWatTeltMeasurement(input: $input) {
      __typename
      ... on WatTeltMeasurementRecorded {
        measurement {
          id
        }
      }
      ... on WatTeltMeasurementRejected {
        problems {
          field
          message
        }
      }
    }
  }
`;

type RecordResult =
  | { __typename: 'WatTeltMeasurementRecorded'; measurement: { id: string } }
  | { __typename: 'WatTeltMeasurementRejected'; problems: FieldProblem[] };

/** The new measurement's id, or the API's problems per field. */
export const recordMeasurement = async (scope: Scope, clientId: string, input: BoardInput): Promise<{ id: string } | { problems: FieldProblem[] }> => {
  const { recordWatTeltMeasurement: result } = await graphql<{ recordWatTeltMeasurement: RecordResult }>(RECORD, { input: { clientId, ...input } }, scope);
  return result.__typename === 'WatTeltMeasurementRecorded' ? { id: result.measurement.id } : { problems: result.problems };
};

export type ImportResult = {
  imported: boolean;
  measurementsImported: number;
  clientsCreated: number;
  validRows: number;
  invalidRows: number;
  fileProblems: string[];
  rows: { line: number; clientCode: string; measuredOn: string; problems: string[] }[];
};

const IMPORT = /* GraphQL */ `
  mutation ImportWatTelt($input: ImportWatTeltInput!) {
    importWatTelt(input: $input) {
      imported
      measurementsImported
      clientsCreated
      validRows
      invalidRows
      fileProblems
      rows {
        line
        clientCode
        measuredOn
        problems
      }
    }
  }
`;

export const importCsv = async (scope: Scope, csv: string, validRowsOnly: boolean): Promise<ImportResult> =>
  (await graphql<{ importWatTelt: ImportResult }>(IMPORT, { input: { csv, validRowsOnly } }, scope)).importWatTelt;

export type Distribution = {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
  buckets: { key: string; from: number | null; to: number | null; count: number }[];
};
export type ChangeFigure = {
  suppressed: boolean;
  n: number | null;
  improved: number | null;
  stable: number | null;
  declined: number | null;
  distribution: Distribution | null;
};
export type Impact = {
  threshold: number;
  minGroupSize: number;
  inwonersWithFollowUp: { suppressed: boolean; value: number | null };
  rapportcijfer: ChangeFigure;
  leefgebieden: { leefgebied: string; label: string; change: ChangeFigure }[];
  goals: { suppressed: boolean; inwoners: number | null; total: number | null; open: number | null; bezig: number | null; bereikt: number | null; gestopt: number | null };
  perspectiveGap: { leefgebied: string; label: string; suppressed: boolean; n: number | null; distribution: Distribution | null }[];
};

const DISTRIBUTION = `n min q1 median q3 max mean buckets { key from to count }`;
const CHANGE = `suppressed n improved stable declined distribution { ${DISTRIBUTION} }`;
const IMPACT = /* GraphQL */ `
  query WatTeltImpact($selection: WatTeltImpactSelectionInput) {
    watTeltImpact(selection: $selection) {
      threshold
      minGroupSize
      inwonersWithFollowUp { suppressed value }
      rapportcijfer { ${CHANGE} }
      leefgebieden { leefgebied label change { ${CHANGE} } }
      goals { suppressed inwoners total open bezig bereikt gestopt }
      perspectiveGap { leefgebied label suppressed n distribution { ${DISTRIBUTION} } }
    }
  }
`;

export type ImpactSelection = { from: string | null; to: string | null; wijkId: string | null; team: string | null };

export const fetchImpact = async (scope: Scope, selection: ImpactSelection): Promise<Impact> =>
  (await graphql<{ watTeltImpact: Impact }>(IMPACT, { selection }, scope)).watTeltImpact;

const IMPACT_REPORT = /* GraphQL */ `
  query WatTeltImpactReport($selection: WatTeltImpactSelectionInput, $format: ImpactReportFormat!, $by: TrendPeriod, $interventionId: ID, $months: Int) {
    watTeltImpactReport(selection: $selection, format: $format, tagTrendsBy: $by, interventionId: $interventionId, months: $months) {
      filename
      mimeType
      contentBase64
    }
  }
`;

export type ImpactReportFile = { filename: string; mimeType: string; contentBase64: string };

/** The impact report (PDF or XLSX) of a selection, with tag trends and the chosen before/after; suppressed by the API exactly as the screen. */
export const fetchImpactReport = async (
  scope: Scope,
  selection: ImpactSelection,
  format: 'PDF' | 'XLSX',
  options: { by: TrendPeriod | null; interventionId: string | null; months: number } = { by: null, interventionId: null, months: 3 },
) =>
  (
    await graphql<{ watTeltImpactReport: ImpactReportFile }>(
      IMPACT_REPORT,
      { selection, format, by: options.by, interventionId: options.interventionId, months: options.interventionId ? options.months : null },
      scope,
    )
  ).watTeltImpactReport;

const STORY_SIDE = /* GraphQL */ `
  query WatTeltStorySide($selection: WatTeltImpactSelectionInput, $by: TrendPeriod) {
    watTeltStorySide(selection: $selection, tagTrendsBy: $by) {
      months { month stories }
      archetypes { label stories }
      tagTrends { by minGroupSize periods { key suppressed stories } tags { tagId label taxonomy counts total } }
      interventions { id date tafel action owner status dueDate }
    }
  }
`;

export type TrendPeriod = 'MONTH' | 'QUARTER';

export type TagTrends = {
  by: TrendPeriod;
  minGroupSize: number;
  periods: { key: string; suppressed: boolean; stories: number | null }[];
  tags: { tagId: string; label: string; taxonomy: string; counts: (number | null)[]; total: number }[];
};

export type Intervention = { id: string; date: string; tafel: string; action: string; owner: string; status: 'open' | 'bezig' | 'klaar'; dueDate: string | null };

export type StorySide = {
  months: { month: string; stories: number }[];
  archetypes: { label: string; stories: number }[];
  tagTrends: TagTrends;
  interventions: Intervention[];
};

/** Stories per month, archetypes, tag trends and Tafel interventions for the period and wijk of a selection (no team). */
export const fetchStorySide = async (scope: Scope, selection: ImpactSelection, by: TrendPeriod | null = null): Promise<StorySide> =>
  (await graphql<{ watTeltStorySide: StorySide }>(STORY_SIDE, { selection: { from: selection.from, to: selection.to, wijkId: selection.wijkId }, by }, scope))
    .watTeltStorySide;

const INTERVENTION_EFFECT = /* GraphQL */ `
  query WatTeltInterventionEffect($id: ID!, $selection: WatTeltImpactSelectionInput, $months: Int) {
    watTeltInterventionEffect(interventionId: $id, selection: $selection, months: $months) {
      intervention { id date tafel action owner status dueDate }
      months
      minGroupSize
      minStories
      before { from to }
      after { from to }
      stories {
        suppressed before after
        archetypes { key label countBefore countAfter shareBefore shareAfter verdict explanation }
        tags { key label countBefore countAfter shareBefore shareAfter verdict explanation }
      }
      rapportcijfer { suppressed inwonersBefore inwonersAfter measurementsBefore measurementsAfter meanBefore meanAfter verdict explanation }
      followed { suppressed n improved stable declined }
      summary
    }
  }
`;

export type EffectItem = {
  key: string;
  label: string;
  countBefore: number;
  countAfter: number;
  shareBefore: number | null;
  shareAfter: number | null;
  verdict: 'likely-real' | 'could-be-chance' | 'too-few';
  explanation: string;
};

export type InterventionEffect = {
  intervention: Intervention;
  months: number;
  minGroupSize: number;
  minStories: number;
  before: { from: string; to: string };
  after: { from: string; to: string };
  stories: { suppressed: boolean; before: number | null; after: number | null; archetypes: EffectItem[] | null; tags: EffectItem[] | null };
  rapportcijfer: {
    suppressed: boolean;
    inwonersBefore: number | null;
    inwonersAfter: number | null;
    measurementsBefore: number | null;
    measurementsAfter: number | null;
    meanBefore: number | null;
    meanAfter: number | null;
    verdict: EffectItem['verdict'] | null;
    explanation: string | null;
  };
  followed: { suppressed: boolean; n: number | null; improved: number | null; stable: number | null; declined: number | null };
  summary: string[];
};

/** Before/after around one Tafel intervention for the wijk and team of a selection; suppressed by the API. */
export const fetchInterventionEffect = async (scope: Scope, selection: ImpactSelection, interventionId: string, months: number): Promise<InterventionEffect> =>
  (
    await graphql<{ watTeltInterventionEffect: InterventionEffect }>(
      INTERVENTION_EFFECT,
      { id: interventionId, selection: { wijkId: selection.wijkId, team: selection.team }, months },
      scope,
    )
  ).watTeltInterventionEffect;

const SET_LEEFGEBIEDEN = /* GraphQL */ `
  mutation SetWatTeltLeefgebieden($leefgebieden: [WatTeltLeefgebiedInput!]!) {
    setWatTeltLeefgebieden(leefgebieden: $leefgebieden) {
      isDefault
    }
  }
`;

/** An empty list returns to the default cards. */
export const setLeefgebieden = async (scope: Scope, leefgebieden: Leefgebied[]): Promise<void> => {
  await graphql(SET_LEEFGEBIEDEN, { leefgebieden }, scope);
};
