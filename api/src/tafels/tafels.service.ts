import { Injectable } from '@nestjs/common';
import {
  TafelRepository,
  type BasketItem,
  type InterventionFields,
  type RedactedStory,
  type TafelEntity,
} from '@vertelpunt/db';
import {
  checkText,
  DomainError,
  isIsoDate,
  isPermutationOf,
  isUpcoming,
  MAX_BASKET_SIZE,
  mayReadStories,
  moveInOrder,
  notFound,
  pickDiverse,
  TAFEL_EDIT_ROLES,
  TAFEL_READ_ROLES,
  validateTafelFields,
  type FieldProblem,
  type TafelFields,
} from '@vertelpunt/domain';
import { JobProducer } from '@vertelpunt/queue';
import type { Actor } from '../common/request-context';
import type { Tafel, TafelInsight, TafelIntervention } from './tafel.model';
import type { TafelInput, TafelInsightInput, TafelInterventionInput } from './tafel.input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Diversity is computed over the most recent READY stories; enough for a session, bounded in memory. */
const DIVERSITY_POOL = 2000;
const ENQUEUE_TIMEOUT_MS = 2000;

/** Today in the Netherlands, as YYYY-MM-DD: a Tafel of today is still upcoming. */
export const todayInNl = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);

const badInput = (problems: FieldProblem[]) =>
  new DomainError('BAD_USER_INPUT', problems[0]?.message ?? 'Niet alle velden zijn goed ingevuld.', problems);
const tafelNotFound = () => notFound('ErvaringenTafel');
const canEdit = (actor: Actor) => TAFEL_EDIT_ROLES.some((r) => actor.roles.includes(r));

type Lookups = { members: Map<string, string>; wijken: Map<string, string> };

export const printPackPath = (tafelId: string) => `/tafels/${tafelId}/printpakket.pdf`;

/** ErvaringenTafels: load through the repository, ask the domain, save, enqueue. */
@Injectable()
export class TafelsService {
  constructor(
    private readonly tafels: TafelRepository,
    private readonly jobs: JobProducer,
  ) {}

  /** Reads need a reading role; writes an editing one. The roles checks live here so every path shares them. */
  assertCanRead(actor: Actor) {
    if (!TAFEL_READ_ROLES.some((r) => actor.roles.includes(r)))
      throw new DomainError('FORBIDDEN', 'Je rol geeft geen toegang tot ErvaringenTafels.');
  }

  /** The basket and the print pack hold stories: managers see a Tafel's outcome and counts, not its stories (issue 8). */
  assertCanReadStories(actor: Actor) {
    this.assertCanRead(actor);
    if (!mayReadStories(actor.roles))
      throw new DomainError('FORBIDDEN', 'Je rol toont aantallen, geen afzonderlijke verhalen.');
  }

  assertCanEdit(actor: Actor) {
    if (!canEdit(actor))
      throw new DomainError('FORBIDDEN', 'Alleen facilitators kunnen ErvaringenTafels voorbereiden en vastleggen.');
  }

  async list(actor: Actor): Promise<Tafel[]> {
    this.assertCanRead(actor);
    const rows = await this.tafels.list(actor.organisationId, 500);
    const [counts, lookups] = await Promise.all([
      this.tafels.storyCounts(
        actor.organisationId,
        rows.map((r) => r.id),
      ),
      this.lookups(actor),
    ]);
    return rows.map((r) => this.view(actor, r, counts.get(r.id) ?? 0, lookups));
  }

  async get(actor: Actor, id: string): Promise<Tafel> {
    this.assertCanRead(actor);
    const tafel = await this.load(actor, id);
    const [counts, lookups] = await Promise.all([
      this.tafels.storyCounts(actor.organisationId, [id]),
      this.lookups(actor),
    ]);
    return this.view(actor, tafel, counts.get(id) ?? 0, lookups);
  }

  async wijken(actor: Actor) {
    this.assertCanRead(actor);
    const names = await this.tafels.wijkNamesById(actor.organisationId);
    return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  facilitators(actor: Actor) {
    this.assertCanRead(actor);
    return this.tafels.facilitators(actor.organisationId);
  }

  async create(actor: Actor, input: TafelInput): Promise<Tafel> {
    this.assertCanEdit(actor);
    const fields = await this.checkedFields(actor, input);
    const tafel = await this.tafels.create(actor.organisationId, fields);
    return this.view(actor, tafel, 0, await this.lookups(actor));
  }

  async update(actor: Actor, id: string, input: TafelInput): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, id);
    await this.tafels.update(actor.organisationId, id, await this.checkedFields(actor, input));
    return this.get(actor, id);
  }

  /** Empty for those who see counts only (`Tafel.storyCount`, `canSeeStories`): the Tafel itself stays readable. */
  async basket(actor: Actor, tafelId: string): Promise<BasketItem[]> {
    if (!mayReadStories(actor.roles)) return [];
    return this.tafels.basket(actor.organisationId, tafelId);
  }

  async search(
    actor: Actor,
    tafelId: string,
    text: string,
    first: number,
  ): Promise<(RedactedStory & { inBasket: boolean })[]> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    const [hits, basket] = await Promise.all([
      this.tafels.searchReady(actor.organisationId, text, Math.min(Math.max(first, 1), 50)),
      this.tafels.basket(actor.organisationId, tafelId),
    ]);
    const inBasket = new Set(basket.map((b) => b.id));
    return hits.map((h) => ({ ...h, inBasket: inBasket.has(h.id) }));
  }

  /** Only READY stories of the same organisation; anything else is "not found", never a hint that it exists. */
  async addStory(actor: Actor, tafelId: string, storyId: string): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    const ready = UUID.test(storyId) ? await this.tafels.readyStoryIds(actor.organisationId, [storyId]) : [];
    if (ready.length === 0) throw notFound('Verhaal');
    await this.assertRoom(actor, tafelId, 1);
    await this.tafels.addStories(actor.organisationId, tafelId, ready);
    return this.get(actor, tafelId);
  }

  /** Adds up to `count` stories that spread over archetypes, tags and wijken, given what the basket holds. */
  async addDiverse(
    actor: Actor,
    tafelId: string,
    count: number,
    seed: string | null,
  ): Promise<{ tafel: Tafel; addedStoryIds: string[] }> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    if (!Number.isInteger(count) || count < 1 || count > 20)
      throw badInput([{ field: 'count', message: 'Kies tussen 1 en 20 verhalen.' }]);
    const basket = await this.tafels.basket(actor.organisationId, tafelId);
    const room = MAX_BASKET_SIZE - basket.length;
    if (room <= 0)
      throw badInput([{ field: 'count', message: `Er passen hoogstens ${MAX_BASKET_SIZE} verhalen in een mand.` }]);
    const candidates = await this.tafels.diversityCandidates(actor.organisationId, DIVERSITY_POOL);
    const inBasket = new Set(basket.map((b) => b.id));
    const chosen = candidates.filter((c) => inBasket.has(c.id));
    const ids = pickDiverse(candidates, Math.min(count, room), seed ?? `${tafelId}:${basket.length}`, chosen);
    await this.tafels.addStories(actor.organisationId, tafelId, ids);
    return { tafel: await this.get(actor, tafelId), addedStoryIds: ids };
  }

  async removeStory(actor: Actor, tafelId: string, storyId: string): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    if (!UUID.test(storyId) || !(await this.tafels.removeStory(actor.organisationId, tafelId, storyId)))
      throw notFound('Verhaal in deze mand');
    return this.get(actor, tafelId);
  }

  async moveStory(actor: Actor, tafelId: string, storyId: string, position: number): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    const ids = (await this.tafels.basket(actor.organisationId, tafelId)).map((b) => b.id);
    if (!ids.includes(storyId)) throw notFound('Verhaal in deze mand');
    await this.tafels.reorder(actor.organisationId, tafelId, moveInOrder(ids, storyId, position));
    return this.get(actor, tafelId);
  }

  async reorder(actor: Actor, tafelId: string, storyIds: string[]): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    const ids = (await this.tafels.basket(actor.organisationId, tafelId)).map((b) => b.id);
    if (!isPermutationOf(ids, storyIds))
      throw badInput([{ field: 'storyIds', message: 'Geef elk verhaal uit de mand precies één keer.' }]);
    await this.tafels.reorder(actor.organisationId, tafelId, storyIds);
    return this.get(actor, tafelId);
  }

  async setNote(actor: Actor, tafelId: string, storyId: string, note: string): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    const problem = checkText('note', note, false, 'de notitie');
    if (problem) throw badInput([problem]);
    if (!UUID.test(storyId) || !(await this.tafels.setNote(actor.organisationId, tafelId, storyId, note.trim())))
      throw notFound('Verhaal in deze mand');
    return this.get(actor, tafelId);
  }

  /** Asks a worker for a new print pack; the web polls `printPack.status`. */
  async requestPrintPack(actor: Actor, tafelId: string): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    const basket = await this.tafels.basket(actor.organisationId, tafelId);
    if (basket.length === 0) throw badInput([{ field: 'tafelId', message: 'Voeg eerst verhalen toe aan de mand.' }]);
    const version = await this.tafels.requestPrint(actor.organisationId, tafelId);
    if (version === null) throw tafelNotFound();
    const queued = await Promise.race([
      this.jobs
        .enqueueNew('tafel.printpack', { organisationId: actor.organisationId, tafelId, version })
        .then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ENQUEUE_TIMEOUT_MS).unref()),
    ]).catch(() => false);
    // No sweep re-queues print packs: say so at once, so the facilitator can simply ask again.
    if (!queued)
      await this.tafels.markPrintFailed(
        actor.organisationId,
        tafelId,
        version,
        'De printopdracht kon niet worden doorgegeven. Probeer het zo opnieuw.',
      );
    return this.get(actor, tafelId);
  }

  /** The stored PDF's key, for the download; only when ready. */
  async printPackKey(actor: Actor, tafelId: string): Promise<string> {
    this.assertCanReadStories(actor);
    const tafel = await this.load(actor, tafelId);
    if (tafel.printStatus !== 'ready' || !tafel.printKey) throw notFound('Printpakket');
    return tafel.printKey;
  }

  /** Linked stories as a count for everyone; their ids only for those who may open them. */
  async insights(actor: Actor, tafelId: string): Promise<TafelInsight[]> {
    const rows = await this.tafels.insights(actor.organisationId, tafelId);
    const seeStories = mayReadStories(actor.roles);
    return rows.map((r) => ({ ...r, storyCount: r.storyIds.length, storyIds: seeStories ? r.storyIds : [] }));
  }

  async interventions(actor: Actor, tafelId: string): Promise<TafelIntervention[]> {
    return (await this.tafels.interventions(actor.organisationId, tafelId)) as TafelIntervention[];
  }

  async addInsight(actor: Actor, tafelId: string, input: TafelInsightInput): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    const { text, storyIds } = await this.checkedInsight(actor, tafelId, input);
    await this.tafels.addInsight(actor.organisationId, tafelId, text, storyIds);
    return this.get(actor, tafelId);
  }

  async updateInsight(actor: Actor, tafelId: string, id: string, input: TafelInsightInput): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    const { text, storyIds } = await this.checkedInsight(actor, tafelId, input);
    if (!UUID.test(id) || !(await this.tafels.updateInsight(actor.organisationId, tafelId, id, text, storyIds)))
      throw notFound('Inzicht');
    return this.get(actor, tafelId);
  }

  async deleteInsight(actor: Actor, tafelId: string, id: string): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    if (!UUID.test(id) || !(await this.tafels.deleteInsight(actor.organisationId, tafelId, id)))
      throw notFound('Inzicht');
    return this.get(actor, tafelId);
  }

  async addIntervention(actor: Actor, tafelId: string, input: TafelInterventionInput): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    await this.tafels.addIntervention(actor.organisationId, tafelId, this.checkedIntervention(input));
    return this.get(actor, tafelId);
  }

  async updateIntervention(actor: Actor, tafelId: string, id: string, input: TafelInterventionInput): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    if (
      !UUID.test(id) ||
      !(await this.tafels.updateIntervention(actor.organisationId, tafelId, id, this.checkedIntervention(input)))
    )
      throw notFound('Interventie');
    return this.get(actor, tafelId);
  }

  async deleteIntervention(actor: Actor, tafelId: string, id: string): Promise<Tafel> {
    this.assertCanEdit(actor);
    await this.load(actor, tafelId);
    if (!UUID.test(id) || !(await this.tafels.deleteIntervention(actor.organisationId, tafelId, id)))
      throw notFound('Interventie');
    return this.get(actor, tafelId);
  }

  private async load(actor: Actor, id: string): Promise<TafelEntity> {
    const tafel = UUID.test(id) ? await this.tafels.findById(actor.organisationId, id) : null;
    if (!tafel) throw tafelNotFound();
    return tafel;
  }

  private async assertRoom(actor: Actor, tafelId: string, adding: number) {
    const counts = await this.tafels.storyCounts(actor.organisationId, [tafelId]);
    if ((counts.get(tafelId) ?? 0) + adding > MAX_BASKET_SIZE)
      throw badInput([{ field: 'storyId', message: `Er passen hoogstens ${MAX_BASKET_SIZE} verhalen in een mand.` }]);
  }

  private async checkedFields(actor: Actor, input: TafelInput): Promise<TafelFields> {
    const fields: TafelFields = {
      title: input.title.trim(),
      date: input.date,
      question: input.question.trim(),
      wijkId: input.wijkId ?? null,
      facilitatorUserId: input.facilitatorUserId,
    };
    const problems = validateTafelFields(fields);
    if (fields.wijkId && !(await this.tafels.wijkExists(actor.organisationId, fields.wijkId)))
      problems.push({ field: 'wijkId', message: 'Kies een wijk uit de lijst.' });
    if (!(await this.tafels.member(actor.organisationId, fields.facilitatorUserId)))
      problems.push({ field: 'facilitatorUserId', message: 'Kies een facilitator uit je organisatie.' });
    if (problems.length > 0) throw badInput(problems);
    return fields;
  }

  private async checkedInsight(actor: Actor, tafelId: string, input: TafelInsightInput) {
    const problems: FieldProblem[] = [];
    const textProblem = checkText('text', input.text, true, 'het inzicht');
    if (textProblem) problems.push(textProblem);
    const inBasket = new Set((await this.tafels.basket(actor.organisationId, tafelId)).map((b) => b.id));
    const storyIds = [...new Set(input.storyIds)];
    if (storyIds.length === 0 || storyIds.some((id) => !inBasket.has(id)))
      problems.push({ field: 'storyIds', message: 'Kies een of meer verhalen uit de mand van deze Tafel.' });
    if (problems.length > 0) throw badInput(problems);
    return { text: input.text.trim(), storyIds };
  }

  private checkedIntervention(input: TafelInterventionInput): InterventionFields {
    const problems = [
      checkText('action', input.action, true, 'de actie'),
      checkText('owner', input.owner, true, 'wie het oppakt'),
    ].filter((p): p is FieldProblem => p !== null);
    const dueDate = input.dueDate?.trim() ? input.dueDate.trim() : null;
    if (dueDate && !isIsoDate(dueDate)) problems.push({ field: 'dueDate', message: 'Kies een geldige datum.' });
    if (problems.length > 0) throw badInput(problems);
    return { action: input.action.trim(), owner: input.owner.trim(), status: input.status, dueDate };
  }

  /** Names of members and wijken, fetched once per request instead of once per Tafel. */
  private async lookups(actor: Actor): Promise<Lookups> {
    const [members, wijken] = await Promise.all([
      this.tafels.memberNames(actor.organisationId),
      this.tafels.wijkNamesById(actor.organisationId),
    ]);
    return { members, wijken };
  }

  private view(actor: Actor, t: TafelEntity, storyCount: number, { members, wijken }: Lookups): Tafel {
    const facilitatorName = members.get(t.facilitatorUserId);
    const facilitator = facilitatorName === undefined ? null : { id: t.facilitatorUserId, name: facilitatorName };
    return {
      id: t.id,
      organisationId: t.organisationId,
      title: t.title,
      date: t.date,
      question: t.question,
      upcoming: isUpcoming(t.date, todayInNl()),
      storyCount,
      wijk: t.wijkId && wijken.has(t.wijkId) ? { id: t.wijkId, name: wijken.get(t.wijkId)! } : null,
      facilitator,
      canEdit: canEdit(actor),
      canSeeStories: mayReadStories(actor.roles),
      printPack: {
        status: t.printStatus as Tafel['printPack']['status'],
        readyAt: t.printStatus === 'ready' ? t.printedAt : null,
        error: t.printStatus === 'failed' ? t.printError : null,
        downloadPath: t.printStatus === 'ready' && mayReadStories(actor.roles) ? printPackPath(t.id) : null,
      },
    };
  }
}
