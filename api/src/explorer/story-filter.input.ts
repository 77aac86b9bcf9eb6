import { Field, Float, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { EMPTY_STORY_FILTER, type ExplorableStatus, type StoryFilter } from '@vertelpunt/domain';

export enum LengthUnitEnum {
  WORDS = 'words',
  SECONDS = 'seconds',
}
registerEnumType(LengthUnitEnum, { name: 'LengthUnit' });

const LIST = 50;

@InputType()
export class LengthRangeInput {
  @Field(() => LengthUnitEnum) @IsIn(Object.values(LengthUnitEnum)) unit!: LengthUnitEnum;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() min?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() max?: number | null;
}

@InputType()
export class ChoiceAnswerInput {
  @Field() @IsString() @MaxLength(100) questionId!: string;
  @Field() @IsString() @MaxLength(100) optionId!: string;
}

@InputType({ description: 'Part of a signifier range 0–100: a dyad/scale value in [from, to), or a canvas point (x in [from, to), y in [yFrom, yTo)).' })
export class SignalRangeInput {
  @Field() @IsString() @MaxLength(100) questionId!: string;
  @Field(() => Float) @IsNumber() from!: number;
  @Field(() => Float) @IsNumber() to!: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() yFrom?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() yTo?: number | null;
}

/** Mirror of `StoryFilter` (libs/domain/src/explorer/story-filter.ts); the domain check gives the Dutch messages. */
@InputType({ description: 'What to show in the Verhalen explorer. Lists: any of; across lists: all of.' })
export class StoryFilterInput {
  @Field(() => String, { nullable: true, description: 'Told on or after this day (YYYY-MM-DD).' }) @IsOptional() @IsString() @MaxLength(10) from?: string | null;
  @Field(() => String, { nullable: true, description: 'Told on or before this day (YYYY-MM-DD).' }) @IsOptional() @IsString() @MaxLength(10) to?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(LIST) @IsString({ each: true }) wijkIds?: string[];
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(LIST) @IsString({ each: true }) vertelpuntIds?: string[];
  @Field(() => String, { nullable: true, description: 'wijkcoach or inwoner.' }) @IsOptional() @IsString() @MaxLength(20) tellerKind?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(LIST) @IsString({ each: true }) archetypeIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Any taxonomy: any tag within a taxonomy, every taxonomy.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST)
  @IsString({ each: true })
  tagIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Leefgebied keys chosen in a leefgebied question.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST)
  @IsString({ each: true })
  leefgebieden?: string[];
  @Field(() => [ChoiceAnswerInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST)
  @ValidateNested({ each: true })
  @Type(() => ChoiceAnswerInput)
  choices?: ChoiceAnswerInput[];
  @Field(() => [SignalRangeInput], { nullable: true, description: 'Dyad, scale and canvas ranges; every one must hold.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIST)
  @ValidateNested({ each: true })
  @Type(() => SignalRangeInput)
  signals?: SignalRangeInput[];
  @Field(() => [String], { nullable: true, description: 'READY and/or REDACTED; both when empty.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  statuses?: string[];
  @Field(() => LengthRangeInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LengthRangeInput) length?: LengthRangeInput | null;
  @Field(() => String, { nullable: true, description: 'Dutch full-text search (websearch syntax: "exacte woorden", OR, -niet).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string | null;
  @Field(() => String, { nullable: true, description: '"Verhalen zoals dit": the stories most like this one, most alike first.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  similarTo?: string | null;
}

/** The input as the domain's filter; values are checked afterwards by `validateStoryFilter`. */
export const toStoryFilter = (input: StoryFilterInput | null | undefined): StoryFilter => {
  if (!input) return EMPTY_STORY_FILTER;
  const q = input.q?.trim() ?? '';
  return {
    from: input.from?.trim() || null,
    to: input.to?.trim() || null,
    wijkIds: input.wijkIds ?? [],
    vertelpuntIds: input.vertelpuntIds ?? [],
    tellerKind: (input.tellerKind?.trim() || null) as StoryFilter['tellerKind'],
    archetypeIds: input.archetypeIds ?? [],
    tagIds: input.tagIds ?? [],
    leefgebieden: input.leefgebieden ?? [],
    choices: (input.choices ?? []).map((c) => ({ questionId: c.questionId, optionId: c.optionId })),
    signals: (input.signals ?? []).map((r) => ({ questionId: r.questionId, from: r.from, to: r.to, yFrom: r.yFrom ?? null, yTo: r.yTo ?? null })),
    statuses: (input.statuses ?? []) as ExplorableStatus[],
    length: input.length ? { unit: input.length.unit, min: input.length.min ?? null, max: input.length.max ?? null } : null,
    q: q === '' ? null : q,
    similarTo: input.similarTo?.trim() || null,
  };
};
