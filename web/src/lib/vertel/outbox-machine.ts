/**
 * The life of one story in the outbox, as a pure state machine: the sender (outbox.ts) does the
 * network work and feeds what happened back in as events; the screens only read the state.
 *
 *   waiting ──start──▶ sending ──created──▶ uploading ──uploaded──▶ done
 *      ▲                  │  (typed: created ─────────────────────▶ done)
 *      └──── offline ─────┴── rejected ▶ needsFix   refused ▶ failed   audioRefused ▶ audioRefused
 */
export type SendStatus = 'waiting' | 'sending' | 'uploading' | 'done' | 'needsFix' | 'failed' | 'audioRefused';

export type FieldProblem = { field: string; message: string };

export type SendState = {
  status: SendStatus;
  /** The server has the story (text, answers, consent); retries of createStory are harmless either way. */
  storyCreated: boolean;
  audioUploaded: boolean;
  attempts: number;
  bytesSent: number;
  bytesTotal: number;
  /** A Dutch sentence for the teller (from the API or ours), or null. */
  message: string | null;
  /** Why the last try did not get through; for the "waiting" text ('offline', 'session', 'server'). */
  waitReason: 'offline' | 'session' | 'server' | null;
  problems: FieldProblem[];
  lastTriedAt: string | null;
  serverStatus: string | null;
};

export type SendEvent =
  | { type: 'start'; at: string }
  | { type: 'created'; serverStatus?: string | null }
  | { type: 'rejected'; problems: FieldProblem[] }
  | { type: 'offline'; reason: 'offline' | 'session' | 'server'; message?: string | null }
  | { type: 'refused'; message: string }
  | { type: 'progress'; bytesSent: number; bytesTotal: number }
  | { type: 'uploaded'; serverStatus?: string | null }
  | { type: 'audioRefused'; message: string };

export const initialSendState = (bytesTotal = 0): SendState => ({
  status: 'waiting',
  storyCreated: false,
  audioUploaded: false,
  attempts: 0,
  bytesSent: 0,
  bytesTotal,
  message: null,
  waitReason: null,
  problems: [],
  lastTriedAt: null,
  serverStatus: null,
});

/** What the sender should do next for a story, given whether it has a recording. */
export type SendAction = 'create' | 'upload' | 'finish' | 'none';

export const nextAction = (state: SendState, hasAudio: boolean): SendAction => {
  if (state.status === 'done' || state.status === 'needsFix' || state.status === 'failed') return 'none';
  if (state.status === 'audioRefused') return 'none';
  if (!state.storyCreated) return 'create';
  if (hasAudio && !state.audioUploaded) return 'upload';
  return 'finish';
};

/** Whether the sender should try this story now (it waits, or an earlier page died while sending it). */
export const isSendable = (state: SendState): boolean =>
  state.status === 'waiting' || state.status === 'sending' || state.status === 'uploading';

/** Whether the story still needs the network (shown in the outbox indicator). */
export const isPending = (state: SendState): boolean => isSendable(state);

export const transition = (state: SendState, event: SendEvent, hasAudio: boolean): SendState => {
  switch (event.type) {
    case 'start':
      if (!isSendable(state)) return state;
      return {
        ...state,
        status: state.storyCreated && hasAudio ? 'uploading' : 'sending',
        attempts: state.attempts + 1,
        lastTriedAt: event.at,
        message: null,
      };
    case 'created': {
      const base = { ...state, storyCreated: true, problems: [], waitReason: null, message: null };
      const serverStatus = event.serverStatus ?? state.serverStatus;
      return hasAudio && !state.audioUploaded
        ? { ...base, status: 'uploading', serverStatus }
        : { ...base, status: 'done', serverStatus };
    }
    case 'rejected':
      return { ...state, status: 'needsFix', problems: event.problems, waitReason: null };
    case 'offline':
      if (state.status === 'done') return state;
      return { ...state, status: 'waiting', waitReason: event.reason, message: event.message ?? null };
    case 'refused':
      return { ...state, status: 'failed', message: event.message, waitReason: null };
    case 'progress':
      return { ...state, bytesSent: Math.min(event.bytesSent, event.bytesTotal), bytesTotal: event.bytesTotal };
    case 'uploaded':
      if (!state.storyCreated) return state;
      return {
        ...state,
        status: 'done',
        audioUploaded: true,
        bytesSent: state.bytesTotal,
        waitReason: null,
        message: null,
        serverStatus: event.serverStatus ?? state.serverStatus,
      };
    case 'audioRefused':
      return { ...state, status: 'audioRefused', message: event.message, waitReason: null };
  }
};

/** Seconds to wait before trying again while online but failing: 5 s, 15 s, 45 s, then every 2 minutes. */
export const retryDelaySeconds = (attempts: number): number => Math.min(120, 5 * 3 ** Math.max(0, attempts - 1));

/** A summary for the outbox indicator. */
export const summarise = (states: readonly SendState[]): { waiting: number; sending: number; attention: number } => ({
  waiting: states.filter((s) => s.status === 'waiting').length,
  sending: states.filter((s) => s.status === 'sending' || s.status === 'uploading').length,
  attention: states.filter((s) => s.status === 'needsFix' || s.status === 'failed' || s.status === 'audioRefused')
    .length,
});

/** What the confirmation screen says about one story, honestly: on the server, or not yet and why. */
export type ReceiptStatus =
  | 'onServer'
  | 'sending'
  | 'waitingOffline'
  | 'waitingSession'
  | 'waitingServer'
  | 'needsFix'
  | 'failed'
  | 'audioRefused';

export const receiptStatus = (state: SendState | null, confirmed: boolean, online: boolean): ReceiptStatus => {
  if (confirmed || state?.status === 'done') return 'onServer';
  if (state === null) return online ? 'sending' : 'waitingOffline';
  switch (state.status) {
    case 'sending':
    case 'uploading':
      return online ? 'sending' : 'waitingOffline';
    case 'needsFix':
      return 'needsFix';
    case 'failed':
      return 'failed';
    case 'audioRefused':
      return 'audioRefused';
    default:
      if (!online) return 'waitingOffline';
      if (state.waitReason === 'session') return 'waitingSession';
      return state.waitReason === 'server' ? 'waitingServer' : 'sending';
  }
};

/** Percentage of the recording the server has, for the progress text; null when there is no recording. */
export const uploadPercent = (state: SendState | null): number | null =>
  state && state.bytesTotal > 0 ? Math.floor((100 * state.bytesSent) / state.bytesTotal) : null;
