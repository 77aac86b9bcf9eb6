import { Module } from '@nestjs/common';
import { VertelpuntenModule } from '../vertelpunten/vertelpunten.module';
import { AnswerRedaction } from './answer-redaction.service';
import { StoriesResolver } from './stories.resolver';
import { StoriesService } from './stories.service';
import { StoryLoaders } from './story-loaders';
import { VersionCache } from './version-cache';

@Module({ imports: [VertelpuntenModule], providers: [StoriesService, StoriesResolver, StoryLoaders, VersionCache, AnswerRedaction], exports: [StoriesService] })
export class StoriesModule {}
