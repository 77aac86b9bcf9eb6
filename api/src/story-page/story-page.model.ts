import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TagRef, TranscriptSegmentModel } from '../processing/story-tag.model';

@ObjectType({ description: 'One decision on a tag of a story, from the audit trail: who, what, when.' })
export class TagDecisionEvent {
  @Field(() => ID) id!: string;
  @Field({ description: 'CONFIRM, REJECT or ADD.' }) decision!: string;
  @Field() at!: Date;
  @Field(() => String, { nullable: true, description: 'Null when the person has left the organisation.' }) actorName!:
    string | null;
  @Field(() => TagRef, { nullable: true, description: 'Null when the tag was removed since.' }) tag!: TagRef | null;
}

@ObjectType({ description: 'What the caller may do with a story, so pages show only what works.' })
export class StoryPermissions {
  @Field({ description: 'The teller and admins hear the recording (every access is audited).' }) hearAudio!: boolean;
  @Field({ description: 'Facilitators and admins confirm, reject and add tags.' }) decideTags!: boolean;
  @Field({ description: 'The teller and admins may read the story before anonymising (every read is audited).' })
  seeUnredacted!: boolean;
}

@ObjectType({ description: 'A story before anonymising: personal data, for the teller and admins only.' })
export class UnredactedStory {
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'What the teller typed.' }) text!: string | null;
  @Field(() => String, { nullable: true }) transcript!: string | null;
  @Field(() => [TranscriptSegmentModel], { nullable: true }) segments!: TranscriptSegmentModel[] | null;
}
