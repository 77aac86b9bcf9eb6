import { Module } from '@nestjs/common';
import { VertelpuntenModule } from '../vertelpunten/vertelpunten.module';
import { QuestionnairesResolver } from './questionnaires.resolver';

@Module({ imports: [VertelpuntenModule], providers: [QuestionnairesResolver] })
export class QuestionnairesModule {}
