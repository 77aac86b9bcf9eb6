import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { StoriesModule } from '../stories/stories.module';
import { VertelpuntenModule } from '../vertelpunten/vertelpunten.module';
import { AudioIntakeService } from './audio-intake.service';

@Module({ imports: [AuthModule, StoriesModule, VertelpuntenModule], providers: [AudioIntakeService], exports: [AudioIntakeService] })
export class UploadsModule {}
