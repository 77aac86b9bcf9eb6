import { AUDIT_KIND_ACTIONS, auditKindOf, KNOWN_AUDIT_ACTIONS } from './audit-kinds';

describe('audit kinds', () => {
  it('puts raw views, exports, erasures and configuration changes each in their own kind', () => {
    expect(auditKindOf('story.audio.listen')).toBe('inzage');
    expect(auditKindOf('stories.exported')).toBe('export');
    expect(auditKindOf('privacy.erase')).toBe('verwijdering');
    expect(auditKindOf('vertelpunt.link-renewed')).toBe('configuratie');
    expect(auditKindOf('story.tag.confirm')).toBe('overig');
  });

  it('names no action under two kinds', () => {
    expect(new Set(KNOWN_AUDIT_ACTIONS).size).toBe(Object.values(AUDIT_KIND_ACTIONS).flat().length);
  });
});
