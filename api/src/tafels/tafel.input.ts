import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { INTERVENTION_STATUSES, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, type InterventionStatus } from '@vertelpunt/domain';
import { InterventionStatusEnum } from './tafel.model';

@InputType()
export class TafelInput {
  @Field()
  @IsString()
  @MaxLength(MAX_TITLE_LENGTH, { message: `De titel mag hoogstens ${MAX_TITLE_LENGTH} tekens hebben.` })
  title!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @MaxLength(10) date!: string;
  @Field({ description: 'Theme or question.' }) @IsString() @MaxLength(MAX_TEXT_LENGTH) question!: string;
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Kies een wijk uit de lijst.' })
  wijkId?: string | null;
  @Field(() => ID) @IsUUID('all', { message: 'Kies een facilitator uit de lijst.' }) facilitatorUserId!: string;
}

@InputType()
export class TafelInsightInput {
  @Field() @IsString() @MaxLength(MAX_TEXT_LENGTH) text!: string;
  @Field(() => [ID], { description: 'One or more stories of the basket that show this insight.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'Kies minstens één verhaal bij dit inzicht.' })
  @ArrayMaxSize(40)
  @IsUUID('all', { each: true, message: 'Kies verhalen uit de mand.' })
  storyIds!: string[];
}

@InputType()
export class TafelInterventionInput {
  @Field() @IsString() @MaxLength(MAX_TEXT_LENGTH) action!: string;
  @Field() @IsString() @MaxLength(MAX_TITLE_LENGTH) owner!: string;
  @Field(() => InterventionStatusEnum) @IsIn(INTERVENTION_STATUSES as unknown as string[]) status!: InterventionStatus;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  dueDate?: string | null;
}
