export type Segment = { startMs: number; endMs: number; text: string };

/**
 * The segment being spoken at `ms`, or -1 before the first and in a pause between two. Segments
 * come sorted by start; a binary search keeps `timeupdate` (4× a second) cheap for long stories.
 */
export const activeSegmentIndex = (segments: readonly Segment[], ms: number): number => {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (segments[mid].startMs <= ms) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found >= 0 && ms < segments[found].endMs ? found : -1;
};

/** "0:07", "12:34", "1:02:03": how players show a moment. */
export const formatTimestamp = (ms: number): string => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
};

/** Where the player starts for a segment, in seconds (`HTMLMediaElement.currentTime`). */
export const startSeconds = (segment: Segment): number => segment.startMs / 1000;
