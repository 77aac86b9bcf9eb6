import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AnalysisRepository, StoryRepository, TagEntity, TaxonomyEntity } from '@vertelpunt/db';
import type { GivenAnswer, TellerKind } from '@vertelpunt/domain';
import type { TestOrganisation } from './harness';

export type ProcessedStorySpec = {
  /** What the teller gave (raw) and what the redact step made of it. */
  raw?: { title: string; text: string };
  redacted: { title: string; text: string };
  tellerKind?: TellerKind;
  wijk?: number | null;
  /** `taxonomyKey/tagKey`, e.g. `leefgebieden/financien`. */
  tags?: string[];
  /** Positions within the questionnaire's archetype set. */
  archetypes?: number[];
  /** Option ids per choice question, replacing the default first option. */
  choices?: Record<string, string[]>;
  toldAt?: Date;
  audioSeconds?: number;
  vector?: number[];
};

/** A tag id of an organisation by `taxonomyKey/tagKey`. */
export const tagIdOf = async (ds: DataSource, organisationId: string, path: string): Promise<string> => {
  const [taxonomyKey, tagKey] = path.split('/');
  const taxonomy = await ds.getRepository(TaxonomyEntity).findOneByOrFail({ organisationId, key: taxonomyKey });
  return (await ds.getRepository(TagEntity).findOneByOrFail({ organisationId, taxonomyId: taxonomy.id, key: tagKey })).id;
};

/**
 * A READY story made through the real repositories in the pipeline's order (received → transcribed → redacted →
 * analysed), so the database holds exactly what the workers would leave; the redaction itself is given.
 */
export const seedProcessedStory = async (ds: DataSource, org: TestOrganisation, spec: ProcessedStorySpec): Promise<string> => {
  const stories = new StoryRepository(ds);
  const analysis = new AnalysisRepository(ds);
  const kind = spec.tellerKind ?? 'wijkcoach';
  const version = org.versions[kind];
  const answers: GivenAnswer[] = version.questions.flatMap((q): GivenAnswer[] => {
    switch (q.type) {
      case 'archetype': {
        const inSet = org.archetypeIdsInSet(q.archetypeSetId);
        return [{ questionId: q.id, value: { kind: 'archetypes', archetypeIds: (spec.archetypes ?? [0]).map((i) => inSet[i]) } }];
      }
      case 'single':
      case 'multi':
      case 'leefgebied':
        return [{ questionId: q.id, value: { kind: 'choice', optionIds: spec.choices?.[q.id] ?? [q.options[0].id] } }];
      default:
        return [];
    }
  });
  const id = randomUUID();
  const raw = spec.raw ?? spec.redacted;
  const wijk = spec.wijk === null ? null : org.wijken[spec.wijk ?? 0];
  await stories.createOnce(
    {
      id,
      organisationId: org.organisation.id,
      vertelpuntId: org.vertelpunten[kind].id,
      questionnaireVersionId: version.id,
      tellerUserId: null,
      tellerKind: kind,
      wijkId: wijk?.id ?? null,
      mode: spec.audioSeconds ? 'audio' : 'text',
      title: raw.title,
      text: spec.audioSeconds ? null : raw.text,
      audioKey: spec.audioSeconds ? `test/${id}` : null,
      audioMimeType: spec.audioSeconds ? 'audio/wav' : null,
      audioBytes: spec.audioSeconds ? '1000' : null,
      audioSha256: null,
      audioDurationMs: spec.audioSeconds ? spec.audioSeconds * 1000 : null,
      transcript: spec.audioSeconds ? raw.text : null,
      transcriptSegments: null,
      redactedText: null,
      status: 'RECEIVED',
      failureReason: null,
      consent: { version: 'test-1', agreedAt: new Date().toISOString(), usage: ['leren'] },
      toldAt: spec.toldAt ?? new Date(),
    },
    answers,
  );
  if (!(await stories.transition(org.organisation.id, id, 'RECEIVED', 'TRANSCRIBED'))) throw new Error('transition failed');
  await analysis.saveRedaction(org.organisation.id, id, { text: spec.redacted.text, title: spec.redacted.title, segments: null });
  const tags = await Promise.all((spec.tags ?? []).map(async (path) => ({ tagId: await tagIdOf(ds, org.organisation.id, path), score: 0.9, why: ['test'] })));
  await analysis.saveAnalysis(org.organisation.id, id, tags, { model: 'test', values: spec.vector ?? [1, 0, 0, 0] });
  return id;
};
