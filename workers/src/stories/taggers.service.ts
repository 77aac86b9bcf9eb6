import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AnalysisRepository, type TaxonomyWithTags } from '@vertelpunt/db';
import { deserializeTagger, suggestTags, trainTaggers, type TaggerModel, type TagScore } from '@vertelpunt/ml';
import { LOGGER } from '../tokens';

type OrganisationTaggers = { taxonomies: TaxonomyWithTags[]; models: Map<string, TaggerModel>; trainedAt: Date | null };
export type SuggestedTag = TagScore & { tagId: string };

/**
 * Trained taggers per organisation: from the shipped examples plus what facilitators confirmed and rejected.
 * Models live in Postgres (any worker can use them); this process keeps them in memory until a retrain.
 */
@Injectable()
export class TaggersService {
  private readonly cache = new Map<string, Promise<OrganisationTaggers>>();

  constructor(
    private readonly analysis: AnalysisRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async suggest(organisationId: string, text: string): Promise<SuggestedTag[]> {
    // Another worker process may have retrained since this one loaded its copy.
    const cached = await this.cache.get(organisationId)?.catch(() => null);
    const latest = await this.analysis.latestTraining(organisationId);
    if (cached && latest && (!cached.trainedAt || latest > cached.trainedAt)) this.cache.delete(organisationId);
    const { taxonomies, models } = await this.forOrganisation(organisationId);
    return taxonomies.flatMap((taxonomy) => {
      const model = models.get(taxonomy.key);
      if (!model) return [];
      return suggestTags(model, text).flatMap((s) => {
        const tag = taxonomy.tags.find((t) => t.key === s.tagKey);
        return tag ? [{ ...s, tagId: tag.id }] : [];
      });
    });
  }

  /** Trains every taxonomy of the organisation again and stores the models; returns how many labels were used. */
  async retrain(organisationId: string): Promise<number> {
    const taxonomies = await this.analysis.taxonomies(organisationId);
    const labels = await this.analysis.facilitatorLabels(organisationId);
    const started = Date.now();
    const models = trainTaggers(taxonomies, labels);
    for (const taxonomy of taxonomies) {
      const model = models[taxonomy.key];
      const count = labels.filter((l) => l.taxonomyKey === taxonomy.key).length;
      if (model) await this.analysis.saveTaggerModel(organisationId, taxonomy.id, model, count);
    }
    const trainedAt = await this.analysis.latestTraining(organisationId);
    this.cache.set(organisationId, Promise.resolve({ taxonomies, models: new Map(Object.entries(models)), trainedAt }));
    this.logger.info({ organisationId, labels: labels.length, ms: Date.now() - started }, 'taggers trained');
    return labels.length;
  }

  private forOrganisation(organisationId: string): Promise<OrganisationTaggers> {
    let entry = this.cache.get(organisationId);
    if (!entry) {
      entry = this.load(organisationId).catch((error: unknown) => {
        this.cache.delete(organisationId);
        throw error;
      });
      this.cache.set(organisationId, entry);
    }
    return entry;
  }

  private async load(organisationId: string): Promise<OrganisationTaggers> {
    const stored = await this.analysis.taggerModels(organisationId);
    const taxonomies = await this.analysis.taxonomies(organisationId);
    if (stored.length < taxonomies.length) {
      await this.retrain(organisationId);
      return this.cache.get(organisationId)!;
    }
    const byId = new Map(stored.map((s) => [s.taxonomyId, deserializeTagger(JSON.stringify(s.model))]));
    const trainedAt = stored.reduce<Date | null>((latest, s) => (!latest || s.trainedAt > latest ? s.trainedAt : latest), null);
    return { trainedAt, taxonomies, models: new Map(taxonomies.flatMap((t) => (byId.has(t.id) ? [[t.key, byId.get(t.id)!] as const] : []))) };
  }
}
