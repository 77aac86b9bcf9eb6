import { Injectable } from '@nestjs/common';
import { AuditRepository, OrganisationRepository, WatTeltRepository, type WatTeltGoalWithHistory, type WatTeltMeasurementWithScores } from '@vertelpunt/db';
import {
  boardFor,
  clientCodeProblems,
  clientCodesIn,
  DomainError,
  measurementProblems,
  type FieldProblem,
  normaliseClientCode,
  notFound,
  roundPosition,
  validateImport,
  type MeasurementDraft,
  type WatTeltBoard,
} from '@vertelpunt/domain';
import type { Actor } from '../common/request-context';
import type {
  CreateWatTeltClientInput,
  ImportWatTeltInput,
  RecordWatTeltMeasurementInput,
  WatTeltGoalModel,
  WatTeltImportResultModel,
  WatTeltLeefgebiedInput,
  WatTeltMeasurementModel,
} from './wat-telt.model';

/** The organisation's calendar day; dates of conversations are Dutch days. */
export const todayInAmsterdam = (now = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);

/** Registration of Wat telt conversations, for professionals (wijkcoach) and admins. */
@Injectable()
export class WatTeltService {
  constructor(
    private readonly watTelt: WatTeltRepository,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Who registered what about which client; never the content. */
  private record(actor: Actor, action: string, subjectType: string, subjectId: string | null, details?: Record<string, number | boolean>) {
    return this.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action, subjectType, subjectId, details });
  }

  async board(organisationId: string): Promise<WatTeltBoard> {
    return boardFor((await this.watTelt.ownLeefgebieden(organisationId)).map(({ key, label }) => ({ key, label })));
  }

  async setLeefgebieden(actor: Actor, leefgebieden: WatTeltLeefgebiedInput[]): Promise<WatTeltBoard> {
    const keys = leefgebieden.map((l) => l.key);
    const problems = leefgebieden.flatMap((l, i) => [
      ...(l.label.trim() === '' ? [{ field: `leefgebieden.${i}.label`, message: 'Geef het leefgebied een naam.' }] : []),
      ...(keys.indexOf(l.key) !== i ? [{ field: `leefgebieden.${i}.key`, message: 'Deze sleutel staat er al.' }] : []),
    ]);
    if (problems.length > 0) throw new DomainError('BAD_USER_INPUT', 'De leefgebieden kloppen niet.', problems);
    await this.watTelt.replaceLeefgebieden(actor.organisationId, leefgebieden.map((l) => ({ key: l.key, label: l.label.trim() })));
    await this.record(actor, 'wat-telt.leefgebieden.set', 'organisation', actor.organisationId, { count: leefgebieden.length });
    return this.board(actor.organisationId);
  }

  listClients(actor: Actor) {
    return this.watTelt.listClients(actor.organisationId);
  }

  teams(organisationId: string) {
    return this.watTelt.teams(organisationId);
  }

  /** The client with its counts; another organisation's client is simply not found. */
  async clientSummary(actor: Actor, id: string) {
    const [client] = await this.watTelt.listClients(actor.organisationId, id);
    if (!client) throw notFound('Cliënt');
    return client;
  }

  /** Another organisation's client is simply not found. */
  async client(actor: Actor, id: string) {
    const client = await this.watTelt.findClient(actor.organisationId, id);
    if (!client) throw notFound('Cliënt');
    return client;
  }

  async createClient(actor: Actor, input: CreateWatTeltClientInput) {
    const problems = clientCodeProblems(input.code);
    if (problems.length > 0) throw new DomainError('BAD_USER_INPUT', problems[0].message, problems);
    const code = normaliseClientCode(input.code);
    if (input.wijkId && (await this.organisations.wijkenByIds(actor.organisationId, [input.wijkId])).length === 0) throw notFound('Wijk');
    if (await this.watTelt.findClientByCode(actor.organisationId, code)) {
      throw new DomainError('CONFLICT', `Er is al een cliënt met code ${code}.`, [{ field: 'code', message: `Er is al een cliënt met code ${code}.` }]);
    }
    const team = input.team?.trim() || null;
    const client = await this.watTelt.createClient({ organisationId: actor.organisationId, code, wijkId: input.wijkId ?? null, team });
    await this.record(actor, 'wat-telt.client.create', 'wat-telt-client', client.id);
    return Object.assign(client, { measurementCount: 0, lastMeasuredOn: null });
  }

  /** A measurement with problems is not stored; the problems come back per field for the board form. */
  async recordMeasurement(actor: Actor, input: RecordWatTeltMeasurementInput): Promise<{ measurement: WatTeltMeasurementModel } | { problems: FieldProblem[] }> {
    const client = await this.client(actor, input.clientId);
    const board = await this.board(actor.organisationId);
    const draft: MeasurementDraft = {
      measuredOn: input.measuredOn,
      rapportcijfer: input.rapportcijfer,
      thirdRole: input.thirdRole ?? null,
      note: input.note ?? '',
      positions: input.leefgebieden.map((l) => ({ leefgebied: l.leefgebied, inwoner: l.inwoner ?? null, professional: l.professional ?? null, derde: l.derde ?? null })),
      goals: input.goals.map((g) => ({ leefgebied: g.leefgebied, text: g.text, status: g.status })),
      goalUpdates: input.goalUpdates.map((u) => ({ goalId: u.goalId, status: u.status })),
    };
    const problems = measurementProblems(draft, new Set(board.leefgebieden.map((l) => l.key)), todayInAmsterdam());
    const goalIds = await this.watTelt.goalIdsOf(actor.organisationId, client.id);
    draft.goalUpdates.forEach((u, i) => {
      if (!goalIds.has(u.goalId)) problems.push({ field: `goalUpdates.${i}.goalId`, message: 'Dit doel hoort niet bij deze cliënt.' });
    });
    if (problems.length > 0) return { problems };
    const order = new Map(board.leefgebieden.map((l, i) => [l.key, i]));
    draft.positions.sort((a, b) => order.get(a.leefgebied)! - order.get(b.leefgebied)!);
    const saved = await this.watTelt.recordMeasurement(actor.organisationId, { clientId: client.id, professionalUserId: actor.userId, source: 'bord', draft });
    await this.record(actor, 'wat-telt.measurement.record', 'wat-telt-client', client.id);
    return { measurement: (await this.measurementsOf(actor.organisationId, client.id)).find((m) => m.id === saved.id)! };
  }

  async measurementsOf(organisationId: string, clientId: string): Promise<WatTeltMeasurementModel[]> {
    const measurements = await this.watTelt.measurementsOf(organisationId, clientId);
    const userIds = [...new Set(measurements.map((m) => m.professionalUserId).filter((id): id is string => id !== null))];
    const names = await this.watTelt.professionalNames(organisationId, userIds);
    const order = new Map((await this.board(organisationId)).leefgebieden.map((l, i) => [l.key, i]));
    return measurements.map((m) => toMeasurementModel(m, (m.professionalUserId && names.get(m.professionalUserId)) || null, order));
  }

  async goalsOf(organisationId: string, clientId: string): Promise<WatTeltGoalModel[]> {
    return (await this.watTelt.goalsOf(organisationId, clientId)).map(toGoalModel);
  }

  /** All or nothing, unless the user asked for the valid rows only; either way in one transaction. */
  async import(actor: Actor, input: ImportWatTeltInput): Promise<WatTeltImportResultModel> {
    const board = await this.board(actor.organisationId);
    const wijken = await this.organisations.wijken(actor.organisationId);
    const existing = await this.watTelt.measurementKeys(actor.organisationId, clientCodesIn(input.csv));
    const validation = validateImport(input.csv, { leefgebieden: board.leefgebieden, wijken, today: todayInAmsterdam(), existing });
    const invalidRows = validation.rows.filter((r) => r.problems.length > 0).length;
    const validRows = validation.rows.length - invalidRows;
    const report = { fileProblems: validation.fileProblems, rows: validation.rows, validRows, invalidRows };
    const refused = validation.fileProblems.length > 0 || validation.measurements.length === 0 || (invalidRows > 0 && !input.validRowsOnly);
    if (refused) return { ...report, imported: false, measurementsImported: 0, clientsCreated: 0 };
    const result = await this.watTelt.importMeasurements(actor.organisationId, actor.userId, validation.measurements);
    await this.record(actor, 'wat-telt.import', 'organisation', actor.organisationId, {
      measurements: result.measurements,
      clientsCreated: result.clientsCreated,
      skippedRows: invalidRows,
    });
    return { ...report, imported: true, measurementsImported: result.measurements, clientsCreated: result.clientsCreated };
  }
}

const toMeasurementModel = (m: WatTeltMeasurementWithScores, professionalName: string | null, order: Map<string, number>): WatTeltMeasurementModel => {
  const keys = [...new Set(m.scores.map((s) => s.leefgebied))].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99) || a.localeCompare(b));
  const at = (leefgebied: string, perspective: string) => {
    const score = m.scores.find((s) => s.leefgebied === leefgebied && s.perspective === perspective);
    return score ? roundPosition(score.position) : null;
  };
  return {
    id: m.id,
    measuredOn: m.measuredOn,
    rapportcijfer: m.rapportcijfer,
    thirdRole: m.thirdRole,
    note: m.note,
    source: m.source,
    professionalName,
    leefgebieden: keys.map((leefgebied) => ({ leefgebied, inwoner: at(leefgebied, 'inwoner'), professional: at(leefgebied, 'professional'), derde: at(leefgebied, 'derde') })),
  };
};

const toGoalModel = (g: WatTeltGoalWithHistory): WatTeltGoalModel => ({
  id: g.id,
  leefgebied: g.leefgebied,
  text: g.text,
  status: g.status,
  history: g.history.map((h) => ({ status: h.status, changedOn: h.changedOn })),
});
