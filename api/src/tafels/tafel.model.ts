import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { INTERVENTION_STATUSES, PRINT_PACK_STATUSES } from '@vertelpunt/domain';

export enum InterventionStatusEnum {
  open = 'open',
  bezig = 'bezig',
  klaar = 'klaar',
}
registerEnumType(InterventionStatusEnum, {
  name: 'InterventionStatus',
  description: 'open, bezig (in progress) or klaar (done).',
});
const _interventionStatusesMatch: Record<(typeof INTERVENTION_STATUSES)[number], InterventionStatusEnum> =
  InterventionStatusEnum;

export enum PrintPackStatusEnum {
  none = 'none',
  pending = 'pending',
  ready = 'ready',
  failed = 'failed',
}
registerEnumType(PrintPackStatusEnum, { name: 'PrintPackStatus' });
const _printStatusesMatch: Record<(typeof PRINT_PACK_STATUSES)[number], PrintPackStatusEnum> = PrintPackStatusEnum;

@ObjectType()
export class TafelPerson {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType()
export class TafelWijk {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'A READY story as a Tafel shows it: anonymised title and text only.' })
export class TafelStoryCard {
  @Field(() => ID) id!: string;
  @Field() redactedTitle!: string;
  @Field() redactedText!: string;
  @Field(() => String, { nullable: true }) wijkName!: string | null;
  @Field() toldAt!: Date;
}

@ObjectType()
export class TafelSearchHit extends TafelStoryCard {
  @Field({ description: 'Already in this Tafel’s basket.' }) inBasket!: boolean;
}

@ObjectType()
export class TafelBasketItem {
  @Field(() => TafelStoryCard) story!: TafelStoryCard;
  @Field(() => Int, { description: '0-based place in the basket.' }) position!: number;
  @Field() note!: string;
}

@ObjectType()
export class TafelInsight {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field(() => [ID], { description: 'The linked basket stories; empty for roles that see counts only (managers).' })
  storyIds!: string[];
  @Field(() => Int, { description: 'How many basket stories the insight is linked to.' }) storyCount!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class TafelIntervention {
  @Field(() => ID) id!: string;
  @Field() action!: string;
  @Field() owner!: string;
  @Field(() => InterventionStatusEnum) status!: InterventionStatusEnum;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueDate!: string | null;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class PrintPack {
  @Field(() => PrintPackStatusEnum) status!: PrintPackStatusEnum;
  @Field(() => Date, { nullable: true }) readyAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Dutch, when status is failed.' }) error!: string | null;
  @Field(() => String, { nullable: true, description: 'API path of the PDF (GET with the session token), when ready; null for managers.' })
  downloadPath!: string | null;
}

@ObjectType({ description: 'An ErvaringenTafel: a session around a basket of stories, and what came out of it.' })
export class Tafel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field({ description: 'The theme or question.' }) question!: string;
  @Field({ description: 'On or after today.' }) upcoming!: boolean;
  @Field(() => Int) storyCount!: number;
  @Field(() => TafelWijk, { nullable: true }) wijk!: TafelWijk | null;
  @Field(() => TafelPerson, { nullable: true, description: 'Null only when the facilitator left the organisation.' })
  facilitator!: TafelPerson | null;
  @Field({ description: 'Whether the asking user may change this Tafel.' }) canEdit!: boolean;
  @Field({ description: 'False for managers: the basket comes as storyCount only, `stories` is empty (issue 8).' })
  canSeeStories!: boolean;
  @Field(() => PrintPack) printPack!: PrintPack;
  // Resolved by field resolvers: stories, insights, interventions.
  organisationId!: string;
}
