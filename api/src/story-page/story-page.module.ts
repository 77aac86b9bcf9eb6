import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { StoryAudioController } from './story-audio.controller';
import { StoryAudioService } from './story-audio.service';
import { StoryPageResolver } from './story-page.resolver';

@Module({
  imports: [AuthModule],
  controllers: [StoryAudioController],
  providers: [StoryAudioService, StoryPageResolver],
})
export class StoryPageModule {}
