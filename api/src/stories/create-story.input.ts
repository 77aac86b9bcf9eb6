import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { AnswerValue, GivenAnswer } from '@vertelpunt/domain';

export const MAX_STORY_TEXT = 50_000;

@InputType({ description: 'Set exactly one group: archetypeIds, optionIds, number, x+y, text, or notApplicable.' })
export class AnswerInput {
  @Field() @IsString() @MaxLength(100) questionId!: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) archetypeIds?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) optionIds?: string[];
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() number?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() x?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() y?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) text?: string;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() notApplicable?: boolean;
}

@InputType()
export class CreateStoryInput {
  @Field(() => ID, { description: 'Made on the device; sending the same id again never makes a second story.' })
  @IsUUID('4', { message: 'Het verhaal-id is ongeldig.' })
  id!: string;
  @Field(() => ID, { nullable: true, description: 'For logged-in tellers.' }) @IsOptional() @IsUUID('4') vertelpuntId?: string;
  @Field(() => String, { nullable: true, description: 'For anonymous inwoners: the vertel-link token.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  vertelToken?: string;
  @Field(() => String, { defaultValue: 'text' }) @IsIn(['text', 'audio'], { message: 'Kies typen of inspreken.' }) mode!: 'text' | 'audio';
  @Field(() => ID) @IsUUID('4') questionnaireVersionId!: string;
  @Field() @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(MAX_STORY_TEXT) text?: string;
  @Field(() => Date, { nullable: true }) @IsOptional() @Type(() => Date) @IsDate() toldAt?: Date;
  @Field() @IsString() @MaxLength(50) consentVersion!: string;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) consentUsage!: string[];
  @Field(() => [AnswerInput]) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => AnswerInput) answers!: AnswerInput[];
}

/** The flat GraphQL input as a domain value; null when not exactly one group is set. */
export const toAnswerValue = (a: AnswerInput): AnswerValue | null => {
  const given: AnswerValue[] = [];
  if (a.archetypeIds) given.push({ kind: 'archetypes', archetypeIds: a.archetypeIds });
  if (a.optionIds) given.push({ kind: 'choice', optionIds: a.optionIds });
  if (a.number !== undefined && a.number !== null) given.push({ kind: 'number', value: a.number });
  if (a.x !== undefined && a.x !== null && a.y !== undefined && a.y !== null) given.push({ kind: 'point', x: a.x, y: a.y });
  if (a.text !== undefined && a.text !== null) given.push({ kind: 'text', text: a.text });
  if (a.notApplicable) given.push({ kind: 'notApplicable' });
  return given.length === 1 ? given[0] : null;
};

export const toGivenAnswers = (answers: AnswerInput[]) => {
  const given: GivenAnswer[] = [];
  const malformed: string[] = [];
  for (const a of answers) {
    const value = toAnswerValue(a);
    if (value) given.push({ questionId: a.questionId, value });
    else malformed.push(a.questionId);
  }
  return { given, malformed };
};
