import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { StoryAudioController } from './story-audio.controller';
import { StoryAudioService } from './story-audio.service';
import { RawStoryResolver } from './raw-story.resolver';
import { StoryPageResolver } from './story-page.resolver';

@Module({
  imports: [AuthModule],
  controllers: [StoryAudioController],
  providers: [StoryAudioService, StoryPageResolver, RawStoryResolver],
})
export class StoryPageModule {}
