import { Injectable } from '@nestjs/common';
import { AnalysisRepository, DataSubjectRepository, StoryRepository, type StoryEntity, type VectorCursor } from '@vertelpunt/db';
import { SimilarityIndex } from '@vertelpunt/ml';

const BATCH = 20_000;
type OrganisationIndex = {
  index: SimilarityIndex | null;
  loadedAfter: VectorCursor | null;
  /** The last erased-story tombstone applied (issue 8). */
  removedAfter: string | null;
  refreshing: Promise<void> | null;
};

/**
 * "Verhalen zoals dit" without pgvector: each API process keeps one in-memory index per organisation
 * (int8 vectors, a full scan answers top-10 of 100,000 in ~50 ms) and brings it up to date from
 * `story_vector.updated_at` before each search, so new stories show up at once, and drops erased stories from
 * `story_vector_removal` tombstones, so an erasure in any process empties every process's index.
 */
@Injectable()
export class SimilarStoriesService {
  private readonly indexes = new Map<string, OrganisationIndex>();

  constructor(
    private readonly analysis: AnalysisRepository,
    private readonly stories: StoryRepository,
    private readonly subjects: DataSubjectRepository,
  ) {}

  async similarTo(organisationId: string, storyId: string, first: number): Promise<{ story: StoryEntity; score: number }[]> {
    const entry = await this.current(organisationId);
    if (!entry.index?.has(storyId)) return [];
    // Ask for extra: withdrawn or erased stories drop out when the rows are read.
    const hits = entry.index.searchById(storyId, first * 2 + 5);
    const rows = await this.stories.findManyById(organisationId, hits.map((h) => h.id));
    const score = new Map(hits.map((h) => [h.id, h.score]));
    return rows
      .filter((r) => r.status === 'READY')
      .slice(0, first)
      .map((story) => ({ story, score: Math.round((score.get(story.id) ?? 0) * 1000) / 1000 }));
  }

  private async current(organisationId: string): Promise<OrganisationIndex> {
    let entry = this.indexes.get(organisationId);
    if (!entry) {
      entry = { index: null, loadedAfter: null, removedAfter: null, refreshing: null };
      this.indexes.set(organisationId, entry);
    }
    entry.refreshing ??= this.refresh(organisationId, entry).finally(() => {
      entry.refreshing = null;
    });
    await entry.refreshing;
    return entry;
  }

  private async refresh(organisationId: string, entry: OrganisationIndex) {
    for (;;) {
      const rows = await this.analysis.vectorsChangedAfter(organisationId, entry.loadedAfter, BATCH);
      for (const row of rows) {
        entry.index ??= new SimilarityIndex(row.vector.length, 4096);
        entry.loadedAfter = row.cursor;
        if (row.vector.length !== entry.index.dims) continue; // a vector of another model; re-indexed later
        entry.index.remove(row.storyId);
        entry.index.add(row.storyId, row.vector);
      }
      if (rows.length < BATCH) break;
    }
    for (const removal of await this.subjects.vectorRemovalsAfter(organisationId, entry.removedAfter)) {
      entry.index?.remove(removal.storyId);
      entry.removedAfter = removal.at;
    }
  }
}
