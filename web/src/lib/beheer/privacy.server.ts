import { graphql } from '$lib/server/api';
import type { Scope } from './beheer.server';

export type SubjectKind = 'client' | 'user';
export const isSubjectKind = (value: unknown): value is SubjectKind => value === 'client' || value === 'user';

export type DataSubject = {
  kind: SubjectKind;
  id: string;
  label: string;
  confirmation: string;
  stories: number;
  audioFiles: number;
  measurements: number;
  exportPath: string;
};

export type ErasureResult = { stories: number; audioFiles: number; measurements: number; basketEntries: number; clients: number; filesPending: number };

export type RetentionReport = {
  audioDaysAfterTranscription: number | null;
  storyYears: number | null;
  items: { kind: 'audio' | 'stories'; count: number; oldest: string | null; cutoff: string | null }[];
  lastRunAt: string | null;
  filesPending: number;
};

export type AuditEntry = {
  id: string;
  at: string;
  action: string;
  kind: string;
  subjectType: string;
  subjectId: string | null;
  actorName: string | null;
  details: string;
};
export type AuditFilter = { kind: string | null; from: string | null; to: string | null; actorUserId: string | null };

export const fetchSubject = async (scope: Scope, kind: SubjectKind, reference: string): Promise<DataSubject> =>
  (
    await graphql<{ dataSubject: DataSubject }>(
      'query DataSubject($k: String!, $r: String!) { dataSubject(kind: $k, reference: $r) { kind id label confirmation stories audioFiles measurements exportPath } }',
      { k: kind, r: reference },
      scope,
    )
  ).dataSubject;

export const eraseSubject = async (scope: Scope, input: { kind: SubjectKind; id: string; confirmation: string }): Promise<ErasureResult> =>
  (
    await graphql<{ eraseDataSubject: ErasureResult }>(
      'mutation Erase($input: EraseDataSubjectInput!) { eraseDataSubject(input: $input) { stories audioFiles measurements basketEntries clients filesPending } }',
      { input },
      scope,
    )
  ).eraseDataSubject;

export const fetchRetention = async (scope: Scope): Promise<RetentionReport> =>
  (
    await graphql<{ retentionReport: RetentionReport }>(
      'query Retention { retentionReport { audioDaysAfterTranscription storyYears items { kind count oldest cutoff } lastRunAt filesPending } }',
      {},
      scope,
    )
  ).retentionReport;

export const fetchAuditLog = async (scope: Scope, filter: AuditFilter, after: string | null) =>
  (
    await graphql<{ auditLog: { entries: AuditEntry[]; endCursor: string | null; hasMore: boolean } }>(
      `query AuditLog($f: AuditLogFilterInput, $after: String) { auditLog(filter: $f, first: 50, after: $after) {
        entries { id at action kind subjectType subjectId actorName details } endCursor hasMore } }`,
      { f: filter, after },
      scope,
    )
  ).auditLog;
