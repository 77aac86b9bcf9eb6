import { StoryVectorEntity } from './analysis/story-vector.entity';
import { TaggerModelEntity } from './analysis/tagger-model.entity';
import { StoryAnswerOptionEntity } from './explorer/story-answer-option.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { OrganisationEntity } from './organisations/organisation.entity';
import { WijkEntity } from './organisations/wijk.entity';
import { ArchetypeSetEntity } from './questionnaires/archetype-set.entity';
import { ArchetypeEntity } from './questionnaires/archetype.entity';
import { QuestionnaireVersionEntity } from './questionnaires/questionnaire-version.entity';
import { QuestionnaireEntity } from './questionnaires/questionnaire.entity';
import { AnswerEntity } from './stories/answer.entity';
import { StoryStepEntity } from './stories/story-step.entity';
import { StoryEntity } from './stories/story.entity';
import { StoryTagEntity } from './taxonomies/story-tag.entity';
import { TagEntity } from './taxonomies/tag.entity';
import { TaxonomyEntity } from './taxonomies/taxonomy.entity';
import { MembershipEntity } from './users/membership.entity';
import { SessionEntity } from './users/session.entity';
import { UserEntity } from './users/user.entity';
import { VertelpuntEntity } from './vertelpunten/vertelpunt.entity';

export const ENTITIES = [
  OrganisationEntity,
  WijkEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  QuestionnaireEntity,
  QuestionnaireVersionEntity,
  ArchetypeSetEntity,
  ArchetypeEntity,
  TaxonomyEntity,
  TagEntity,
  VertelpuntEntity,
  StoryEntity,
  AnswerEntity,
  StoryTagEntity,
  StoryStepEntity,
  AuditEventEntity,
  StoryVectorEntity,
  TaggerModelEntity,
  StoryAnswerOptionEntity,
];
