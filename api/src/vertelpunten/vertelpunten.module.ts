import { Module } from '@nestjs/common';
import { VertelFormService } from './vertel-form.service';
import { VertelpuntenResolver } from './vertelpunten.resolver';
import { VertelpuntenService } from './vertelpunten.service';

@Module({ providers: [VertelpuntenService, VertelpuntenResolver, VertelFormService], exports: [VertelpuntenService, VertelFormService] })
export class VertelpuntenModule {}
