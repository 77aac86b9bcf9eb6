import { StoryVectorEntity } from './analysis/story-vector.entity';
import { TaggerModelEntity } from './analysis/tagger-model.entity';
import { StoryAnswerOptionEntity } from './explorer/story-answer-option.entity';
import { StoryAnswerNumberEntity } from './patterns/story-answer-number.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { PendingFileDeletionEntity } from './privacy/pending-file-deletion.entity';
import { StoryVectorRemovalEntity } from './privacy/story-vector-removal.entity';
import { ErasedStoryEntity } from './privacy/erased-story.entity';
import { OrganisationEntity } from './organisations/organisation.entity';
import { WijkEntity } from './organisations/wijk.entity';
import { ArchetypeSetEntity } from './questionnaires/archetype-set.entity';
import { ArchetypeEntity } from './questionnaires/archetype.entity';
import { QuestionnaireVersionEntity } from './questionnaires/questionnaire-version.entity';
import { QuestionnaireEntity } from './questionnaires/questionnaire.entity';
import { AnswerEntity } from './stories/answer.entity';
import { StoryStepEntity } from './stories/story-step.entity';
import { StoryEntity } from './stories/story.entity';
import { TafelInsightEntity } from './tafels/tafel-insight.entity';
import { TafelInterventionEntity } from './tafels/tafel-intervention.entity';
import { TafelStoryEntity } from './tafels/tafel-story.entity';
import { TafelEntity } from './tafels/tafel.entity';
import { StoryTagEntity } from './taxonomies/story-tag.entity';
import { TagEntity } from './taxonomies/tag.entity';
import { TaxonomyEntity } from './taxonomies/taxonomy.entity';
import { MembershipEntity } from './users/membership.entity';
import { OidcIdentityEntity } from './users/oidc-identity.entity';
import { SessionEntity } from './users/session.entity';
import { UserEntity } from './users/user.entity';
import { VertelpuntEntity } from './vertelpunten/vertelpunt.entity';
import { WatTeltClientEntity } from './wat-telt/wat-telt-client.entity';
import { WatTeltGoalEntity, WatTeltGoalStatusEntity } from './wat-telt/wat-telt-goal.entity';
import { WatTeltLeefgebiedEntity } from './wat-telt/wat-telt-leefgebied.entity';
import { WatTeltMeasurementEntity } from './wat-telt/wat-telt-measurement.entity';
import { WatTeltScoreEntity } from './wat-telt/wat-telt-score.entity';
import { WatTeltClientSummaryEntity, WatTeltLeefgebiedSummaryEntity } from './wat-telt/wat-telt-summary.entity';

export const ENTITIES = [
  OrganisationEntity,
  WijkEntity,
  UserEntity,
  MembershipEntity,
  SessionEntity,
  OidcIdentityEntity,
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
  TafelEntity,
  TafelStoryEntity,
  TafelInsightEntity,
  TafelInterventionEntity,
  StoryAnswerOptionEntity,
  StoryAnswerNumberEntity,
  WatTeltLeefgebiedEntity,
  WatTeltClientEntity,
  WatTeltMeasurementEntity,
  WatTeltScoreEntity,
  WatTeltGoalEntity,
  WatTeltGoalStatusEntity,
  WatTeltClientSummaryEntity,
  WatTeltLeefgebiedSummaryEntity,
  StoryVectorRemovalEntity,
  ErasedStoryEntity,
  PendingFileDeletionEntity,
];
