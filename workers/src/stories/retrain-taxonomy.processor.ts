import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@vertelpunt/queue';
import type { JobProcessor } from '../job-processor';
import { TaggersService } from './taggers.service';

/** After facilitators confirm or reject tags (debounced per minute): the taggers learn from their labels. */
@Injectable()
export class RetrainTaxonomyProcessor implements JobProcessor<'taxonomy.retrain'> {
  readonly name = 'taxonomy.retrain' as const;

  constructor(private readonly taggers: TaggersService) {}

  async process({ organisationId }: JobPayloads['taxonomy.retrain']): Promise<void> {
    await this.taggers.retrain(organisationId);
  }
}
