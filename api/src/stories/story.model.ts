import { Field, Float, ID, Int, ObjectType, createUnionType, registerEnumType } from '@nestjs/graphql';
import { STORY_STATUSES } from '@vertelpunt/domain';

export enum StoryStatusEnum {
  RECEIVED = 'RECEIVED',
  TRANSCRIBED = 'TRANSCRIBED',
  REDACTED = 'REDACTED',
  READY = 'READY',
  FAILED = 'FAILED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(StoryStatusEnum, { name: 'StoryStatus' });
// Compile-time guard that the GraphQL enum and the domain list stay the same.
const _statusesMatch: Record<(typeof STORY_STATUSES)[number], StoryStatusEnum> = StoryStatusEnum;

@ObjectType()
export class Wijk {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'One answer; exactly one group of value fields is set, named by `kind`.' })
export class Answer {
  @Field() questionId!: string;
  @Field() kind!: string;
  @Field(() => [ID], { nullable: true }) archetypeIds?: string[];
  @Field(() => [String], { nullable: true }) optionIds?: string[];
  @Field(() => Float, { nullable: true }) number?: number;
  @Field(() => Float, { nullable: true }) x?: number;
  @Field(() => Float, { nullable: true }) y?: number;
  @Field(() => String, { nullable: true }) text?: string;
}

@ObjectType()
export class StoryStep {
  @Field() step!: string;
  @Field(() => Int) attempts!: number;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field(() => String, { nullable: true }) error!: string | null;
}

@ObjectType()
export class Story {
  @Field(() => ID) id!: string;
  // `title` is a field resolver (StoriesResolver.title): as told for its teller and admins, anonymised for others.
  title!: string;
  @Field(() => StoryStatusEnum) status!: StoryStatusEnum;
  @Field() tellerKind!: string;
  @Field() mode!: string;
  @Field() toldAt!: Date;
  @Field() createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Dutch reason when status is FAILED.' }) failureReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Anonymised text; what everyone sees.' }) redactedText!: string | null;
  // Resolved by field resolvers: wijk, answers, steps, text.
  @Field({ description: 'When the teller finished on the device.' }) updatedAt!: Date;
  @Field(() => String, { nullable: true, description: 'sha256 (hex) of the stored recording.' }) audioSha256!: string | null;
  wijkId!: string | null;
  tellerUserId!: string | null;
  organisationId!: string;
  questionnaireVersionId!: string;
  audioKey!: string | null;
}

@ObjectType()
export class StoryEdge {
  @Field() cursor!: string;
  @Field(() => Story) node!: Story;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class StoryConnection {
  @Field(() => [StoryEdge]) edges!: StoryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class FieldProblem {
  @Field() field!: string;
  @Field() message!: string;
}

@ObjectType()
export class StoryCreated {
  @Field(() => Story) story!: Story;
}

@ObjectType({ description: 'The story was not stored; each problem names its field.' })
export class StoryRejected {
  @Field(() => [FieldProblem]) problems!: FieldProblem[];
}

@ObjectType()
export class StoryUpdated {
  @Field(() => Story) story!: Story;
}

export const UpdateStoryAnswersResult = createUnionType({
  name: 'UpdateStoryAnswersResult',
  types: () => [StoryUpdated, StoryRejected] as const,
  resolveType: (value: StoryUpdated | StoryRejected) => ('story' in value ? StoryUpdated : StoryRejected),
});

export const CreateStoryResult = createUnionType({
  name: 'CreateStoryResult',
  types: () => [StoryCreated, StoryRejected] as const,
  resolveType: (value: StoryCreated | StoryRejected) => ('story' in value ? StoryCreated : StoryRejected),
});
