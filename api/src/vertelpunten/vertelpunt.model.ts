import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

@ObjectType()
export class QuestionnaireRef {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType()
export class Vertelpunt {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() audience!: string;
  @Field() isOpen!: boolean;
  @Field(() => Int) maxRecordingSeconds!: number;
  // Resolved by field resolvers: linkToken (admins only), wijk, questionnaire, form, organisationName.
  organisationId!: string;
  questionnaireId!: string;
  wijkId!: string | null;
  linkToken!: string | null;
}

@InputType()
export class CreateVertelpuntInput {
  @Field() @IsString() @MinLength(2) @MaxLength(120) name!: string;
  @Field() @IsIn(['wijkcoach', 'inwoner'], { message: 'Kies wijkcoach of inwoner.' }) audience!: 'wijkcoach' | 'inwoner';
  @Field(() => ID) @IsUUID() questionnaireId!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() wijkId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(30) @Max(7200) maxRecordingSeconds?: number;
}

@InputType()
export class UpdateVertelpuntInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @MinLength(2) @MaxLength(120) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() isOpen?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() wijkId?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(30) @Max(7200) maxRecordingSeconds?: number;
}
