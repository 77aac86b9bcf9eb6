import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../stories/story.model';

export enum ExportFormatEnum {
  CSV = 'CSV',
  XLSX = 'XLSX',
}
registerEnumType(ExportFormatEnum, { name: 'ExportFormat' });

@ObjectType()
export class ExplorerLabel {
  @Field(() => ID) id!: string;
  @Field() label!: string;
}

@ObjectType()
export class ExplorerTag {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field() taxonomyKey!: string;
  @Field() taxonomyName!: string;
}

@ObjectType({ description: 'A story as the explorer shows it: redacted content only.' })
export class ExplorerStory {
  @Field(() => ID) id!: string;
  @Field({ description: 'Anonymised title.' }) title!: string;
  @Field({ description: 'The start of the anonymised text.' }) excerpt!: string;
  @Field() status!: string;
  @Field() tellerKind!: string;
  @Field() toldAt!: Date;
  @Field() createdAt!: Date;
  @Field(() => Int, { nullable: true }) wordCount!: number | null;
  @Field(() => Int, { nullable: true }) durationSeconds!: number | null;
  @Field(() => ExplorerLabel, { nullable: true }) wijk!: ExplorerLabel | null;
  @Field(() => ExplorerLabel) vertelpunt!: ExplorerLabel;
  @Field(() => [ExplorerLabel]) archetypes!: ExplorerLabel[];
  @Field(() => [ExplorerTag], { description: 'Suggested and confirmed tags; rejected ones are left out.' }) tags!: ExplorerTag[];
}

@ObjectType()
export class ExplorerStoryEdge {
  @Field() cursor!: string;
  @Field(() => ExplorerStory) node!: ExplorerStory;
}

@ObjectType()
export class ExplorerStoryConnection {
  @Field(() => [ExplorerStoryEdge]) edges!: ExplorerStoryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'How many stories match the filter.' }) totalCount!: number;
}

@ObjectType()
export class ExplorerArchetypeSet {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => [ExplorerLabel]) archetypes!: ExplorerLabel[];
}

@ObjectType()
export class ExplorerTaxonomy {
  @Field(() => ID) id!: string;
  @Field() key!: string;
  @Field() name!: string;
  @Field(() => [ExplorerLabel]) tags!: ExplorerLabel[];
}

@ObjectType()
export class ExplorerQuestion {
  @Field() id!: string;
  @Field() prompt!: string;
  @Field(() => [ExplorerLabel]) options!: ExplorerLabel[];
}

@ObjectType({ description: 'What the filter panel offers, all from the caller’s organisation.' })
export class ExplorerOptions {
  @Field(() => [ExplorerLabel]) wijken!: ExplorerLabel[];
  @Field(() => [ExplorerLabel]) vertelpunten!: ExplorerLabel[];
  @Field(() => [ExplorerArchetypeSet]) archetypeSets!: ExplorerArchetypeSet[];
  @Field(() => [ExplorerTaxonomy]) taxonomies!: ExplorerTaxonomy[];
  @Field(() => [ExplorerLabel]) leefgebieden!: ExplorerLabel[];
  @Field(() => [ExplorerQuestion], { description: 'Choice questions (single and multi) with their options.' }) questions!: ExplorerQuestion[];
}

@ObjectType({ description: 'A file with the selected stories (redacted text only).' })
export class ExportFile {
  @Field() filename!: string;
  @Field() mimeType!: string;
  @Field() contentBase64!: string;
  @Field(() => Int) storyCount!: number;
  @Field({ description: 'True when the selection was larger than the export limit.' }) truncated!: boolean;
}
