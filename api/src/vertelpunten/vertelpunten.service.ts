import { Injectable } from '@nestjs/common';
import { AuditRepository, newLinkToken, OrganisationRepository, QuestionnaireRepository, VertelpuntRepository, type VertelpuntEntity } from '@vertelpunt/db';
import { DomainError, notFound } from '@vertelpunt/domain';
import type { Actor } from '../common/request-context';
import type { CreateVertelpuntInput, UpdateVertelpuntInput } from './vertelpunt.model';

const LINK_GONE = 'Deze vertel-link werkt niet (meer). Vraag degene die je de link gaf om een nieuwe.';

@Injectable()
export class VertelpuntenService {
  constructor(
    private readonly vertelpunten: VertelpuntRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly organisations: OrganisationRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Configuration changes are audited (issue 8): what changed, never the link token. */
  private record(actor: Actor, action: string, id: string, details: Record<string, string | number | boolean | null> = {}) {
    return this.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action, subjectType: 'vertelpunt', subjectId: id, details });
  }

  /** For anonymous inwoners: a revoked or unknown token gives the same answer, so tokens cannot be probed. */
  async byLink(token: string): Promise<VertelpuntEntity> {
    const vertelpunt = /^[A-Za-z0-9_-]{16,64}$/.test(token) ? await this.vertelpunten.findByLinkToken(token) : null;
    if (!vertelpunt || vertelpunt.audience !== 'inwoner') throw new DomainError('NOT_FOUND', LINK_GONE);
    return vertelpunt;
  }

  list(actor: Actor): Promise<VertelpuntEntity[]> {
    if (actor.roles.includes('admin')) return this.vertelpunten.list(actor.organisationId);
    if (actor.roles.includes('wijkcoach')) return this.vertelpunten.listOpen(actor.organisationId, 'wijkcoach');
    throw new DomainError('FORBIDDEN', 'Alleen wijkcoaches en beheerders zien de vertelpunten.');
  }

  async create(actor: Actor, input: CreateVertelpuntInput) {
    const questionnaire = await this.questionnaires.findById(actor.organisationId, input.questionnaireId);
    if (!questionnaire) throw notFound('Vragenlijst');
    if (questionnaire.audience !== input.audience) {
      throw new DomainError('BAD_USER_INPUT', 'Deze vragenlijst is voor een ander publiek.', [
        { field: 'questionnaireId', message: 'Kies een vragenlijst voor dit publiek.' },
      ]);
    }
    await this.checkWijk(actor.organisationId, input.wijkId ?? null);
    const created = await this.vertelpunten.create({
      organisationId: actor.organisationId,
      name: input.name.trim(),
      audience: input.audience,
      questionnaireId: questionnaire.id,
      wijkId: input.wijkId ?? null,
      maxRecordingSeconds: input.maxRecordingSeconds ?? 900,
      linkToken: input.audience === 'inwoner' ? newLinkToken() : null,
    });
    await this.record(actor, 'vertelpunt.created', created.id, { audience: created.audience });
    return created;
  }

  async update(actor: Actor, id: string, input: UpdateVertelpuntInput) {
    await this.get(actor, id);
    if (input.wijkId !== undefined) await this.checkWijk(actor.organisationId, input.wijkId);
    const updated = (await this.vertelpunten.update(actor.organisationId, id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.isOpen !== undefined ? { isOpen: input.isOpen } : {}),
      ...(input.wijkId !== undefined ? { wijkId: input.wijkId } : {}),
      ...(input.maxRecordingSeconds !== undefined ? { maxRecordingSeconds: input.maxRecordingSeconds } : {}),
    }))!;
    const changed = Object.entries(input).filter(([, v]) => v !== undefined).map(([k]) => k).sort().join(',');
    await this.record(actor, 'vertelpunt.updated', id, { changed });
    return updated;
  }

  async setLink(actor: Actor, id: string, renew: boolean) {
    const vertelpunt = await this.get(actor, id);
    if (vertelpunt.audience !== 'inwoner') throw new DomainError('BAD_USER_INPUT', 'Alleen vertelpunten voor inwoners hebben een vertel-link.');
    const updated = (await this.vertelpunten.update(actor.organisationId, id, { linkToken: renew ? newLinkToken() : null }))!;
    await this.record(actor, renew ? 'vertelpunt.link-renewed' : 'vertelpunt.link-revoked', id);
    return updated;
  }

  async get(actor: Actor, id: string) {
    const vertelpunt = await this.vertelpunten.findById(actor.organisationId, id);
    if (!vertelpunt) throw notFound('Vertelpunt');
    return vertelpunt;
  }

  private async checkWijk(organisationId: string, wijkId: string | null) {
    if (wijkId && (await this.organisations.wijkenByIds(organisationId, [wijkId])).length === 0) throw notFound('Wijk');
  }
}
