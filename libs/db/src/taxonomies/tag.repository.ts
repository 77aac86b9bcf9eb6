import type { DataSource } from 'typeorm';
import { StoryTagEntity, type StoryTagState } from './story-tag.entity';
import { TagEntity } from './tag.entity';
import { TaxonomyEntity } from './taxonomy.entity';

export type StoryTagRow = StoryTagEntity & { tag: TagEntity & { taxonomy: TaxonomyEntity } };

export class TagRepository {
  constructor(private readonly dataSource: DataSource) {}

  findTag(organisationId: string, tagId: string): Promise<TagEntity | null> {
    return this.dataSource.getRepository(TagEntity).findOneBy({ organisationId, id: tagId });
  }

  async forStories(organisationId: string, storyIds: string[]): Promise<StoryTagRow[]> {
    if (storyIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(StoryTagEntity)
      .createQueryBuilder('st')
      .innerJoinAndSelect('st.tag', 'tag')
      .innerJoinAndSelect('tag.taxonomy', 'taxonomy')
      .where('st.organisation_id = :organisationId AND st.story_id IN (:...storyIds)', { organisationId, storyIds })
      .andWhere("st.state <> 'rejected'")
      .orderBy('taxonomy.key')
      .addOrderBy('st.score', 'DESC', 'NULLS FIRST')
      .getMany();
    return rows as StoryTagRow[];
  }

  /** A person's decision on a tag: confirm or reject a suggestion, or add a tag the tagger missed. */
  async decide(organisationId: string, storyId: string, tagId: string, state: Exclude<StoryTagState, 'suggested'>, userId: string) {
    await this.dataSource.query(
      `INSERT INTO story_tag (organisation_id, story_id, tag_id, source, score, state, why, decided_by_user_id, decided_at)
       VALUES ($1, $2, $3, 'manual', NULL, $4, '[]', $5, now())
       ON CONFLICT (story_id, tag_id) DO UPDATE SET state = EXCLUDED.state, decided_by_user_id = EXCLUDED.decided_by_user_id, decided_at = now()`,
      [organisationId, storyId, tagId, state, userId],
    );
  }

  /** Every tag of the organisation with its taxonomy, in taxonomy and list order (for "add a tag"). */
  async allTags(organisationId: string): Promise<(TagEntity & { taxonomy: TaxonomyEntity })[]> {
    const rows = await this.dataSource
      .getRepository(TagEntity)
      .createQueryBuilder('tag')
      .innerJoinAndSelect('tag.taxonomy', 'taxonomy')
      .where('tag.organisation_id = :organisationId', { organisationId })
      .orderBy('taxonomy.key')
      .addOrderBy('tag.position')
      .getMany();
    return rows as (TagEntity & { taxonomy: TaxonomyEntity })[];
  }

  taxonomiesWithTags(organisationId: string) {
    return this.dataSource.getRepository(TaxonomyEntity).find({ where: { organisationId }, order: { key: 'ASC' } });
  }
}
