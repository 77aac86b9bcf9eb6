import { CreateCoreModel1763900000000 } from './1763900000000-create-core-model';
import { VertelpuntMaxRecording1763910000000 } from './1763910000000-vertelpunt-max-recording';
import { Processing1763920000000 } from './1763920000000-processing';
import { ExplorerSearch1763945000000 } from './1763945000000-explorer-search';
import { AuditBySubject1763947000000 } from './1763947000000-audit-by-subject';
import { Tafels1763950000000 } from './1763950000000-tafels';
import { PatternsStatistics1763955000000 } from './1763955000000-patterns-statistics';
import { WatTelt1763960000000 } from './1763960000000-wat-telt';
import { WatTeltImpactIndexes1763970000000 } from './1763970000000-wat-telt-impact-indexes';
import { StoryAnswerNumber1764000000000 } from './1764000000000-story-answer-number';
import { WatTeltSummaries1764100000000 } from './1764100000000-wat-telt-summaries';
import { PrivacyErasure1764200000000 } from './1764200000000-privacy-erasure';
import { OidcIdentity1764300000000 } from './1764300000000-oidc-identity';
import { ErasedStory1764500000000 } from './1764500000000-erased-story';
import { StoryChartScan1764600000000 } from './1764600000000-story-chart-scan';
import { ChartCube1764700000000 } from './1764700000000-chart-cube';

/** In order; every schema change is a reviewed migration with a working `down`. */
export const MIGRATIONS = [
  CreateCoreModel1763900000000,
  VertelpuntMaxRecording1763910000000,
  Processing1763920000000,
  ExplorerSearch1763945000000,
  AuditBySubject1763947000000,
  Tafels1763950000000,
  PatternsStatistics1763955000000,
  WatTelt1763960000000,
  WatTeltImpactIndexes1763970000000,
  StoryAnswerNumber1764000000000,
  WatTeltSummaries1764100000000,
  PrivacyErasure1764200000000,
  OidcIdentity1764300000000,
  ErasedStory1764500000000,
  StoryChartScan1764600000000,
  ChartCube1764700000000,
];
