import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { OrganisationRepository, StoryRepository, type AnswerEntity, type WijkEntity } from '@vertelpunt/db';
import type { RequestContext } from '../common/request-context';

type Loaders = {
  answers: DataLoader<string, AnswerEntity[]>;
  wijk: DataLoader<string, WijkEntity | null>;
};

/** Per-request DataLoaders, kept beside the request's context object and batched by id, in key order. */
@Injectable()
export class StoryLoaders {
  private readonly byContext = new WeakMap<RequestContext, Loaders>();

  constructor(
    private readonly stories: StoryRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  for(ctx: RequestContext, organisationId: string): Loaders {
    const existing = this.byContext.get(ctx);
    if (existing) return existing;
    const loaders: Loaders = {
      answers: new DataLoader(async (storyIds) => {
        const rows = await this.stories.answersFor(organisationId, [...storyIds]);
        return storyIds.map((id) => rows.filter((r) => r.storyId === id));
      }),
      wijk: new DataLoader(async (ids) => {
        const rows = await this.organisations.wijkenByIds(organisationId, [...ids]);
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      }),
    };
    this.byContext.set(ctx, loaders);
    return loaders;
  }
}
