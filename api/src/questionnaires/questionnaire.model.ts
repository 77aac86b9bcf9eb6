import { Field, ID, InputType, Int, ObjectType, createUnionType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { QUESTION_TYPES } from '@vertelpunt/domain';
import { FieldProblem } from '../stories/story.model';
import { VertelForm } from '../vertelpunten/vertel-form.model';

@ObjectType()
export class QuestionnaireVersionSummary {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field(() => Int) storyCount!: number;
}

@ObjectType()
export class Questionnaire {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() name!: string;
  @Field() audience!: string;
  @Field(() => [QuestionnaireVersionSummary]) versions!: QuestionnaireVersionSummary[];
  @Field(() => VertelForm) current!: VertelForm;
}

@InputType()
export class OptionInput {
  @Field() @IsString() @MaxLength(64) id!: string;
  @Field() @IsString() @MaxLength(200) label!: string;
}

@InputType({ description: 'Fields that do not apply to the type are ignored.' })
export class QuestionInput {
  @Field() @IsString() @MaxLength(64) id!: string;
  @Field() @IsIn([...QUESTION_TYPES]) type!: string;
  @Field() @IsString() @MaxLength(500) prompt!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000) help?: string | null;
  @Field() @IsBoolean() required!: boolean;
  @Field() @IsBoolean() allowNotApplicable!: boolean;
  @Field(() => [OptionInput], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => OptionInput) options?: OptionInput[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() archetypeSetId?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() min?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() max?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() maxChoices?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) minLabel?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) maxLabel?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) leftLabel?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) rightLabel?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) xLeftLabel?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) xRightLabel?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) yBottomLabel?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) yTopLabel?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() maxLength?: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() multiline?: boolean;
}

@InputType()
export class QuestionnaireVersionInput {
  @Field() @IsString() @MaxLength(2000) intro!: string;
  @Field() @IsString() @MaxLength(500) storyPrompt!: string;
  @Field() @IsString() @MaxLength(300) titlePrompt!: string;
  @Field(() => [QuestionInput]) @IsArray() @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => QuestionInput) questions!: QuestionInput[];
}

@ObjectType()
export class PublishedVersion {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
}

@ObjectType()
export class QuestionnairePublished {
  @Field(() => PublishedVersion) version!: PublishedVersion;
}

@ObjectType()
export class QuestionnaireRejected {
  @Field(() => [FieldProblem]) problems!: FieldProblem[];
}

export const PublishQuestionnaireResult = createUnionType({
  name: 'PublishQuestionnaireResult',
  types: () => [QuestionnairePublished, QuestionnaireRejected] as const,
  resolveType: (v: QuestionnairePublished | QuestionnaireRejected) => ('version' in v ? QuestionnairePublished : QuestionnaireRejected),
});
