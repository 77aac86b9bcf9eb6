export { redact } from './redact';
export type { RedactionResult, RedactionSpan, RedactionType, RedactOptions } from './redaction-types';
export { REDACTION_TYPES } from './redaction-types';
export { passesElfproef, passesIbanMod97 } from './checksums';
export { evaluateRedaction, measureRedactionThroughput } from './evaluate-redaction';
export type { CaseError, RedactionEvaluation, Score, ThroughputResult } from './evaluate-redaction';
export { REDACTION_HOLDOUT_SET, REDACTION_TESTSET } from './redaction-testset';
export type { ExpectedSpan, RedactionCase } from './redaction-testset';
