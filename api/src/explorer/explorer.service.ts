import { Injectable } from '@nestjs/common';
import { AuditRepository, ExplorerRepository, type ExplorerPage, type StoryCursor } from '@vertelpunt/db';
import { DomainError, validateStoryFilter, type StoryFilter } from '@vertelpunt/domain';
import type { Actor } from '../common/request-context';
import { SimilarStoriesService } from '../processing/similar-stories.service';
import { EXPORT_MIME, exportFilename, storiesToCsv, storiesToXlsx, type ExportFormat } from './story-export';

/** "Verhalen zoals dit" looks at this many of the most similar stories, then applies the other filters. */
export const SIMILAR_LIMIT = 50;
/** An export is for reading and coding stories, not for copying the database. */
export const EXPORT_LIMIT = 5000;

/** Which stories a filter may reach: the ids "zoals dit" found, or everything (null). */
type Scope = { onlyIds: string[] | null };

@Injectable()
export class ExplorerService {
  constructor(
    private readonly explorer: ExplorerRepository,
    private readonly similar: SimilarStoriesService,
    private readonly audit: AuditRepository,
  ) {}

  async page(actor: Actor, filter: StoryFilter, first: number, after: StoryCursor | null): Promise<ExplorerPage & { totalCount: number }> {
    const scope = await this.scopeOf(actor, filter);
    const [page, totalCount] = await Promise.all([
      this.explorer.page(actor.organisationId, filter, first, scope.onlyIds ? null : after, scope),
      this.explorer.count(actor.organisationId, filter, scope),
    ]);
    return { ...page, totalCount };
  }

  async export(actor: Actor, filter: StoryFilter, format: ExportFormat) {
    const scope = await this.scopeOf(actor, filter);
    const rows = await this.explorer.exportRows(actor.organisationId, filter, EXPORT_LIMIT + 1, scope);
    const stories = rows.slice(0, EXPORT_LIMIT);
    const content = format === 'CSV' ? storiesToCsv(stories) : await storiesToXlsx(stories);
    await this.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'stories.exported',
      subjectType: 'story',
      subjectId: null,
      details: { format, count: stories.length },
    });
    return {
      filename: exportFilename(format, new Date()),
      mimeType: EXPORT_MIME[format],
      contentBase64: content.toString('base64'),
      storyCount: stories.length,
      truncated: rows.length > EXPORT_LIMIT,
    };
  }

  options(actor: Actor) {
    return this.explorer.options(actor.organisationId);
  }

  private async scopeOf(actor: Actor, filter: StoryFilter): Promise<Scope> {
    const problems = validateStoryFilter(filter);
    if (problems.length > 0) throw new DomainError('BAD_USER_INPUT', problems.map((p) => p.message).join(' '), problems);
    if (!filter.similarTo) return { onlyIds: null };
    // The index is per organisation: another organisation's story id finds nothing.
    const hits = await this.similar.similarTo(actor.organisationId, filter.similarTo, SIMILAR_LIMIT);
    return { onlyIds: hits.map((h) => h.story.id) };
  }
}
