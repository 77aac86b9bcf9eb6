/**
 * A UUID v4 for a new story. `crypto.randomUUID` needs a secure context; a phone testing over the
 * LAN (http://192.168…) has none, so we build one from `getRandomValues`, which works everywhere.
 */
export const newStoryId = (
  cryptoImpl: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto,
): string => {
  if (typeof cryptoImpl.randomUUID === 'function') {
    try {
      return cryptoImpl.randomUUID();
    } catch {
      // fall through: not a secure context
    }
  }
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
