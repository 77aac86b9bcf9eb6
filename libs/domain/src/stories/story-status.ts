/**
 * RECEIVED → TRANSCRIBED (typed stories skip transcription) → REDACTED → READY.
 * FAILED keeps everything the teller gave; WITHDRAWN is the teller's own choice.
 */
export const STORY_STATUSES = ['RECEIVED', 'TRANSCRIBED', 'REDACTED', 'READY', 'FAILED', 'WITHDRAWN'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export type StoryMode = 'text' | 'audio';
export type TellerKind = 'wijkcoach' | 'inwoner';

export const STORY_STATUS_LABELS: Record<StoryStatus, string> = {
  RECEIVED: 'Ontvangen',
  TRANSCRIBED: 'Uitgeschreven',
  REDACTED: 'Geanonimiseerd',
  READY: 'Klaar',
  FAILED: 'Mislukt',
  WITHDRAWN: 'Ingetrokken',
};

type ReceivedStory = { status: StoryStatus; mode: StoryMode; text: string | null; audioKey: string | null };

/** What the `story.received` step does with a story: typed text needs no transcription. */
export const nextAfterReceived = (story: ReceivedStory): StoryStatus | null => {
  if (story.status !== 'RECEIVED') return null;
  if (story.mode === 'text' && story.text !== null && story.text.trim() !== '') return 'TRANSCRIBED';
  return null;
};

export const canWithdraw = (s: { status: StoryStatus }) => s.status !== 'WITHDRAWN';
