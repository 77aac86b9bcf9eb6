import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum TagDecision {
  CONFIRM = 'CONFIRM',
  REJECT = 'REJECT',
}
registerEnumType(TagDecision, { name: 'TagDecision' });

@ObjectType()
export class TagRef {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() label!: string;
  @Field() taxonomyKey!: string;
  @Field() taxonomyName!: string;
}

@ObjectType({ description: 'A tag on a story: suggested by the tagger (with score and the words that explain it) or decided by a person.' })
export class StoryTag {
  @Field(() => TagRef) tag!: TagRef;
  @Field() source!: string;
  @Field() state!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => [String]) why!: string[];
}

@ObjectType()
export class TranscriptSegmentModel {
  @Field(() => Float) startMs!: number;
  @Field(() => Float) endMs!: number;
  @Field() text!: string;
}

@ObjectType({ description: 'Jobs in one processing queue (shared by every organisation on this server).' })
export class QueueCounts {
  @Field() name!: string;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) active!: number;
  @Field(() => Int) delayed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) completed!: number;
}

@ObjectType()
export class FailedStory {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) failureReason!: string | null;
  @Field(() => String, { nullable: true }) failedStep!: string | null;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class ProcessingOverview {
  @Field(() => [QueueCounts]) queues!: QueueCounts[];
  @Field(() => [FailedStory], { description: "This organisation's FAILED stories, newest first (at most 100)." }) failedStories!: FailedStory[];
}
