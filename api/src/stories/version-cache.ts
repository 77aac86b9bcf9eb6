import { Injectable } from '@nestjs/common';
import { OrganisationRepository, VertelpuntRepository, type QuestionnaireVersionEntity } from '@vertelpunt/db';
import type { AnswerContext } from '@vertelpunt/domain';

const WIJKEN_TTL_MS = 60_000;
const MAX_VERSIONS = 1000;

/**
 * Questionnaire versions are immutable, so a version and its archetype ids can be kept for the life of the process;
 * wijken change rarely and are kept for a minute. Saves four queries on every story told.
 */
@Injectable()
export class VersionCache {
  private readonly versions = new Map<string, Promise<QuestionnaireVersionEntity | null>>();
  private readonly archetypes = new Map<string, Promise<ReadonlyMap<string, ReadonlySet<string>>>>();
  private readonly wijken = new Map<string, { at: number; ids: Promise<ReadonlySet<string>> }>();

  constructor(
    private readonly vertelpunten: VertelpuntRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  get(organisationId: string, versionId: string): Promise<QuestionnaireVersionEntity | null> {
    const key = `${organisationId}:${versionId}`;
    let found = this.versions.get(key);
    if (!found) {
      if (this.versions.size >= MAX_VERSIONS) this.versions.clear();
      found = this.vertelpunten.findVersion(organisationId, versionId);
      // A miss is not cached: the id may be a typo now and a real version never.
      void found.then((v) => v ?? this.versions.delete(key), () => this.versions.delete(key));
      this.versions.set(key, found);
    }
    return found;
  }

  async answerContext(organisationId: string, version: QuestionnaireVersionEntity): Promise<AnswerContext> {
    let archetypeIdsBySet = this.archetypes.get(version.id);
    if (!archetypeIdsBySet) {
      const setIds = version.questions.flatMap((q) => (q.type === 'archetype' ? [q.archetypeSetId] : []));
      archetypeIdsBySet = this.vertelpunten.archetypeIdsBySet(organisationId, setIds);
      void archetypeIdsBySet.catch(() => this.archetypes.delete(version.id));
      this.archetypes.set(version.id, archetypeIdsBySet);
    }
    let wijken = this.wijken.get(organisationId);
    if (!wijken || Date.now() - wijken.at > WIJKEN_TTL_MS) {
      wijken = { at: Date.now(), ids: this.organisations.wijken(organisationId).then((rows) => new Set(rows.map((w) => w.id))) };
      void wijken.ids.catch(() => this.wijken.delete(organisationId));
      this.wijken.set(organisationId, wijken);
    }
    return { archetypeIdsBySet: await archetypeIdsBySet, wijkIds: await wijken.ids };
  }
}
