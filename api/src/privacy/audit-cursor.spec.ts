import { decodeAuditCursor, encodeAuditCursor } from './audit-log.service';

describe('audit log cursor', () => {
  it('keeps the microseconds and offset Postgres writes, so keyset paging skips nothing', () => {
    const cursor = { createdAt: '2026-11-23 15:25:01.123456+00', id: '6f1c2a4e-8b1d-4c3e-9f00-1234567890ab' };
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
  });

  it('refuses a cursor that is not one of ours in plain Dutch', () => {
    for (const bad of ['', 'abc', Buffer.from("1' OR 1=1|x").toString('base64url')]) expect(() => decodeAuditCursor(bad)).toThrow('Ongeldige cursor.');
  });
});
