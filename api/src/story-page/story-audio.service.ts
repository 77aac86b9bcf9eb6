import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AuditRepository, StoryRepository } from '@vertelpunt/db';
import type { AudioStorage } from '@vertelpunt/storage';
import { AuthService } from '../auth/auth.service';
import { AUDIO_STORAGE } from '../common/tokens';
import { maySeeRaw } from './raw-access';
import { parseByteRange } from './byte-range';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AudioRequest = {
  token: string | null;
  organisationId: string | undefined;
  storyId: string;
  range: string | undefined;
};

export type AudioAnswer =
  | { kind: 'refused'; status: 401 | 403 | 404; message: string }
  | { kind: 'unsatisfiable'; size: number }
  | { kind: 'stream'; status: 200 | 206; mimeType: string; size: number; start: number; end: number; body: Readable };

/** Who may hear which recording, which bytes they get, and the audit line for every access. */
@Injectable()
export class StoryAudioService {
  constructor(
    private readonly auth: AuthService,
    private readonly stories: StoryRepository,
    private readonly audit: AuditRepository,
    @Inject(AUDIO_STORAGE) private readonly storage: AudioStorage,
  ) {}

  async open(request: AudioRequest): Promise<AudioAnswer> {
    const organisationId =
      request.organisationId && UUID.test(request.organisationId) ? request.organisationId : undefined;
    // An organisation the person is no member of counts as not logged in, as on /graphql.
    const actor = request.token ? await this.auth.actorFor(request.token, organisationId).catch(() => null) : null;
    if (!actor) return { kind: 'refused', status: 401, message: 'Log eerst in.' };
    // The same answer for "does not exist" and "another organisation's": nothing leaks.
    const notFound = {
      kind: 'refused',
      status: 404,
      message: 'Dit verhaal bestaat niet of je mag het niet zien.',
    } as const;
    if (!UUID.test(request.storyId)) return notFound;
    const story = await this.stories.findById(actor.organisationId, request.storyId);
    if (!story || story.status === 'WITHDRAWN') return notFound;
    const entry = {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      subjectType: 'story',
      subjectId: story.id,
    };
    if (!maySeeRaw(actor, story)) {
      await this.audit.record({ ...entry, action: 'story.audio.refused' });
      return {
        kind: 'refused',
        status: 403,
        message: 'Alleen wie het verhaal vertelde en beheerders mogen de opname horen.',
      };
    }
    if (!story.audioKey || story.audioBytes === null)
      return { kind: 'refused', status: 404, message: 'Bij dit verhaal hoort geen opname.' };

    const size = Number(story.audioBytes);
    const range = parseByteRange(request.range, size);
    if (range.kind === 'unsatisfiable') return { kind: 'unsatisfiable', size };
    const { start, end } = range.kind === 'partial' ? range.range : { start: 0, end: size - 1 };
    // Every request that hands out bytes is written down, seeks included: who heard which part, when.
    await this.audit.record({ ...entry, action: 'story.audio.listen', details: { start, end, bytes: size } });
    const body = await this.storage.read(story.audioKey, range.kind === 'partial' ? range.range : undefined);
    return {
      kind: 'stream',
      status: range.kind === 'partial' ? 206 : 200,
      mimeType: story.audioMimeType ?? 'application/octet-stream',
      size,
      start,
      end,
      body,
    };
  }
}
