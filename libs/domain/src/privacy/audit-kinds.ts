/** The kinds the audit log page filters on (issue 8). Every audited action belongs to exactly one. */
export type AuditKind = 'inzage' | 'export' | 'verwijdering' | 'configuratie' | 'overig';
export const AUDIT_KINDS: AuditKind[] = ['inzage', 'export', 'verwijdering', 'configuratie', 'overig'];

export const AUDIT_KIND_ACTIONS: Record<Exclude<AuditKind, 'overig'>, string[]> = {
  inzage: ['story.audio.listen', 'story.audio.refused', 'story.text.read', 'story.transcript.read', 'story.unredacted.read'],
  export: ['stories.exported', 'impact.report-exported', 'privacy.export'],
  verwijdering: ['privacy.erase', 'retention.stories.erase', 'retention.audio.erase', 'retention.run'],
  configuratie: [
    'member.added',
    'member.roles',
    'member.password-reset',
    'member.unlocked',
    'member.removed',
    'vertelpunt.created',
    'vertelpunt.updated',
    'vertelpunt.link-renewed',
    'vertelpunt.link-revoked',
    'questionnaire.published',
    'wat-telt.leefgebieden.set',
  ],
};

export const auditKindOf = (action: string): AuditKind =>
  (Object.entries(AUDIT_KIND_ACTIONS).find(([, actions]) => actions.includes(action))?.[0] as AuditKind | undefined) ?? 'overig';

/** Every action named by a kind, for the "overig" filter (everything else). */
export const KNOWN_AUDIT_ACTIONS: string[] = Object.values(AUDIT_KIND_ACTIONS).flat();
