import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { open, rm } from 'node:fs/promises';
import type { Logger } from 'pino';
import { StoryRepository, VertelpuntRepository, type StoryEntity } from '@vertelpunt/db';
import { DomainError } from '@vertelpunt/domain';
import { AudioError, CommandRunner, probeAudio, sniffAudioType } from '@vertelpunt/ml';
import { audioKey, type AudioStorage } from '@vertelpunt/storage';
import { AuthService } from '../auth/auth.service';
import { bearerToken } from '../auth/session-token';
import { LOGGER } from '../common/logger.provider';
import { AUDIO_STORAGE } from '../common/tokens';
import { StoriesService } from '../stories/stories.service';
import { VertelpuntenService } from '../vertelpunten/vertelpunten.service';

const MIME_BY_TYPE = { webm: 'audio/webm', ogg: 'audio/ogg', mp4: 'audio/mp4', wav: 'audio/wav', mp3: 'audio/mpeg', flac: 'audio/flac' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Who may send audio for which story, and what happens when the last byte has arrived. */
@Injectable()
export class AudioIntakeService implements OnModuleDestroy {
  /** ffprobe runs from a small helper process: forking the API itself would stall every request for milliseconds. */
  private readonly commands = new CommandRunner();

  constructor(
    private readonly auth: AuthService,
    private readonly links: VertelpuntenService,
    private readonly stories: StoryRepository,
    private readonly vertelpunten: VertelpuntRepository,
    private readonly storiesService: StoriesService,
    @Inject(AUDIO_STORAGE) private readonly storage: AudioStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleDestroy(): void {
    this.commands.close();
  }

  /** The story this request may upload for: the teller's own (bearer) or one told through the same vertel-link. */
  async storyFor(req: IncomingMessage, storyId: string | null | undefined): Promise<StoryEntity> {
    if (!storyId || !UUID.test(storyId)) throw new UploadRefused(400, 'Bij deze opname hoort geen geldig verhaal.');
    const header = (name: string) => (Array.isArray(req.headers[name]) ? req.headers[name]?.[0] : (req.headers[name] as string | undefined));
    const vertelToken = header('x-vertel-token');
    let story: StoryEntity | null = null;
    try {
      if (vertelToken) {
        const vertelpunt = await this.links.byLink(vertelToken);
        story = await this.stories.findById(vertelpunt.organisationId, storyId);
        if (story && (story.vertelpuntId !== vertelpunt.id || story.tellerUserId !== null)) story = null;
      } else {
        const token = bearerToken(header('authorization'));
        const actor = token ? await this.auth.actorFor(token, header('x-organisation-id')) : null;
        if (!actor) throw new UploadRefused(401, 'Log opnieuw in om je opname te versturen.');
        story = await this.stories.findById(actor.organisationId, storyId);
        if (story && story.tellerUserId !== actor.userId) story = null;
      }
    } catch (error) {
      if (error instanceof DomainError) throw new UploadRefused(error.code === 'NOT_FOUND' ? 404 : 403, error.message);
      throw error;
    }
    if (!story) throw new UploadRefused(404, 'Dit verhaal is niet gevonden.');
    // 403, not 409: tus clients retry a 409 for ever, and no retry can change these answers.
    if (story.mode !== 'audio') throw new UploadRefused(403, 'Bij dit verhaal hoort geen opname.');
    if (story.status === 'WITHDRAWN') throw new UploadRefused(403, 'Dit verhaal is ingetrokken.');
    return story;
  }

  /**
   * Checks the finished upload by its content (never by the declared type), stores it and lets the story move on.
   * A refused recording leaves the story and its answers as they were; the device may send a new one.
   */
  async accept(story: StoryEntity, uploadFile: string): Promise<StoryEntity> {
    try {
      const type = sniffAudioType(await firstBytes(uploadFile, 64));
      if (!type) throw new UploadRefused(422, 'Dit bestand is geen geluidsopname die we kunnen lezen.');
      const probe = await probeAudio(uploadFile, { run: this.commands.run });
      const vertelpunt = await this.vertelpunten.findById(story.organisationId, story.vertelpuntId);
      const maxMs = (vertelpunt?.maxRecordingSeconds ?? 900) * 1100; // 10 % slack for encoder padding
      if (probe.durationMs > maxMs) throw new UploadRefused(422, 'De opname is langer dan hier mag. Neem een kortere opname op.');
      const stored = await this.storage.putFile(audioKey(story.organisationId, story.id, `opname.${type}`), uploadFile);
      await this.stories.attachAudio(story.organisationId, story.id, {
        key: stored.key,
        mimeType: MIME_BY_TYPE[type],
        bytes: stored.bytes,
        sha256: stored.sha256,
        durationMs: probe.durationMs,
      });
      await this.storiesService.enqueueAfterAudio(story.organisationId, story.id);
      this.logger.info({ storyId: story.id, bytes: stored.bytes, durationMs: probe.durationMs, type }, 'recording accepted');
      return (await this.stories.findById(story.organisationId, story.id)) ?? story;
    } catch (error) {
      const refused =
        error instanceof UploadRefused ? error : error instanceof AudioError ? new UploadRefused(422, error.message) : null;
      if (!refused) throw error;
      await this.stories.markFailed(story.organisationId, story.id, `${refused.message} Je antwoorden zijn bewaard.`);
      throw refused;
    } finally {
      await rm(uploadFile, { force: true });
      await rm(`${uploadFile}.json`, { force: true });
    }
  }
}

const firstBytes = async (file: string, count: number) => {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return new Uint8Array(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
};
