import { flushOutbox } from './outbox';
import { uploadWithTusJs } from './upload-audio';

/**
 * The page's sender, loaded only when there is something to send: tus-js-client stays out of the
 * first load of /vertel.
 */
export const sendWaitingStories = (force = false): Promise<boolean> => flushOutbox(uploadWithTusJs, force);
