import { Module } from '@nestjs/common';
import { ProcessingResolver } from './processing.resolver';
import { ProcessingService } from './processing.service';
import { SimilarStoriesService } from './similar-stories.service';

@Module({ providers: [ProcessingService, ProcessingResolver, SimilarStoriesService], exports: [SimilarStoriesService] })
export class ProcessingModule {}
