import type { DataSource } from 'typeorm';
import type { Question } from '@vertelpunt/domain';
import { QuestionnaireVersionEntity } from './questionnaire-version.entity';
import { QuestionnaireEntity } from './questionnaire.entity';

export type VersionWithCount = QuestionnaireVersionEntity & { storyCount: number };
export type VersionContent = Pick<QuestionnaireVersionEntity, 'intro' | 'storyPrompt' | 'titlePrompt'> & { questions: Question[] };

export class QuestionnaireRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(organisationId: string): Promise<QuestionnaireEntity[]> {
    return this.dataSource.getRepository(QuestionnaireEntity).find({ where: { organisationId }, order: { name: 'ASC' } });
  }

  findById(organisationId: string, id: string): Promise<QuestionnaireEntity | null> {
    return this.dataSource.getRepository(QuestionnaireEntity).findOneBy({ organisationId, id });
  }

  async versions(organisationId: string, questionnaireId: string): Promise<VersionWithCount[]> {
    const rows: (QuestionnaireVersionEntity & { story_count: string })[] = await this.dataSource
      .getRepository(QuestionnaireVersionEntity)
      .createQueryBuilder('v')
      .addSelect((q) => q.select('count(*)').from('story', 's').where('s.questionnaire_version_id = v.id'), 'story_count')
      .where('v.organisation_id = :organisationId AND v.questionnaire_id = :questionnaireId', { organisationId, questionnaireId })
      .orderBy('v.version', 'DESC')
      .getRawAndEntities()
      .then(({ entities, raw }) => entities.map((e, i) => ({ ...e, story_count: (raw[i] as { story_count: string }).story_count })));
    return rows.map(({ story_count, ...v }) => ({ ...v, storyCount: Number(story_count) }) as VersionWithCount);
  }

  /** Versions are immutable: publishing always adds one; the unique (questionnaire, version) index settles races. */
  publish(organisationId: string, questionnaireId: string, content: VersionContent): Promise<QuestionnaireVersionEntity> {
    return this.dataSource.transaction(async (m) => {
      const [{ next }] = await m.query(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM questionnaire_version WHERE organisation_id = $1 AND questionnaire_id = $2',
        [organisationId, questionnaireId],
      );
      return m.save(QuestionnaireVersionEntity, { organisationId, questionnaireId, version: Number(next), ...content });
    });
  }
}
