import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A choice: an option, a wijk, or an archetype (with description and icon).' })
export class FormOption {
  @Field() id!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) icon!: string | null;
}

@ObjectType({ description: 'One question as the teller sees it; fields that do not apply to its type are null.' })
export class FormQuestion {
  @Field() id!: string;
  @Field() type!: string;
  @Field() prompt!: string;
  @Field(() => String, { nullable: true }) help!: string | null;
  @Field() required!: boolean;
  @Field() allowNotApplicable!: boolean;
  @Field(() => [FormOption]) options!: FormOption[];
  @Field(() => String, { nullable: true }) archetypeSetId!: string | null;
  @Field(() => Int, { nullable: true }) min!: number | null;
  @Field(() => Int, { nullable: true }) max!: number | null;
  @Field(() => Int, { nullable: true }) maxChoices!: number | null;
  @Field(() => String, { nullable: true }) minLabel!: string | null;
  @Field(() => String, { nullable: true }) maxLabel!: string | null;
  @Field(() => String, { nullable: true }) leftLabel!: string | null;
  @Field(() => String, { nullable: true }) rightLabel!: string | null;
  @Field(() => String, { nullable: true }) xLeftLabel!: string | null;
  @Field(() => String, { nullable: true }) xRightLabel!: string | null;
  @Field(() => String, { nullable: true }) yBottomLabel!: string | null;
  @Field(() => String, { nullable: true }) yTopLabel!: string | null;
  @Field(() => Int, { nullable: true }) maxLength!: number | null;
  @Field(() => Boolean, { nullable: true }) multiline!: boolean | null;
}

@ObjectType({ description: 'An exact questionnaire version, ready to show.' })
export class VertelForm {
  @Field(() => ID) questionnaireVersionId!: string;
  @Field(() => Int) version!: number;
  @Field() intro!: string;
  @Field() storyPrompt!: string;
  @Field() titlePrompt!: string;
  @Field(() => [FormQuestion]) questions!: FormQuestion[];
}
