import { Inject, Injectable } from '@nestjs/common';
import archiver from 'archiver';
import type { Writable } from 'node:stream';
import type { Config } from '@vertelpunt/config';
import { AuditRepository, DataSubjectRepository, type SubjectKind, type SubjectSummary } from '@vertelpunt/db';
import { DomainError } from '@vertelpunt/domain';
import { removeStoredFiles, type AudioStorage } from '@vertelpunt/storage';
import type { Actor } from '../common/request-context';
import { AUDIO_STORAGE, CONFIG } from '../common/tokens';
import { EXPORT_README } from './export-readme';
import type { DataSubject, ErasureResult } from './privacy.model';

const NOT_FOUND = 'Deze cliënt of medewerker bestaat niet in deze organisatie.';
const EXTENSION: Record<string, string> = { 'audio/wav': 'wav', 'audio/x-wav': 'wav', 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a' };

export const exportPathOf = (kind: SubjectKind, id: string) => `/privacy/export/${kind}/${id}.zip`;

/** Data subject requests (AVG): find, export as a ZIP, erase. Admins only, within their own organisation; every step audited without content. */
@Injectable()
export class DataSubjectsService {
  constructor(
    private readonly subjects: DataSubjectRepository,
    private readonly audit: AuditRepository,
    @Inject(AUDIO_STORAGE) private readonly storage: AudioStorage,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async find(actor: Actor, kind: SubjectKind, reference: string): Promise<DataSubject> {
    const subject = await this.summary(actor, kind, reference);
    return { ...subject, exportPath: exportPathOf(subject.kind, subject.id) };
  }

  private async summary(actor: Actor, kind: SubjectKind, reference: string): Promise<SubjectSummary> {
    const found =
      kind === 'client' ? await this.subjects.findClient(actor.organisationId, reference) : await this.subjects.findUser(actor.organisationId, reference);
    if (!found) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return found;
  }

  /**
   * Streams the ZIP into `out`: gegevens.json, README.txt and the recordings one after the other (never all in memory
   * or all open at once). The audit entry says what kind and how many, not what.
   */
  async export(actor: Actor, kind: SubjectKind, id: string, out: Writable, beforeFirstByte: () => void): Promise<void> {
    const data = kind === 'client' ? await this.subjects.clientExport(actor.organisationId, id) : await this.subjects.userExport(actor.organisationId, id);
    if (!data) throw new DomainError('NOT_FOUND', NOT_FOUND);
    await this.audit.record({
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'privacy.export',
      subjectType: kind === 'client' ? 'wat-telt-client' : 'user',
      subjectId: id,
      details: { kind, audioFiles: data.audio.length },
    });
    beforeFirstByte();
    const zip = archiver('zip', { zlib: { level: 6 } });
    const done = new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      out.on('error', reject);
      out.on('close', resolve);
      out.on('finish', resolve);
    });
    zip.pipe(out);
    const audio = data.audio.map((a) => ({ ...a, file: `opnames/${a.storyId}.${EXTENSION[a.mimeType ?? ''] ?? 'bin'}` }));
    const json = { ...data.data, exportedAt: new Date().toISOString(), recordings: audio.map((a) => ({ storyId: a.storyId, file: a.file, bytes: a.bytes })) };
    zip.append(JSON.stringify(json, null, 2), { name: 'gegevens.json' });
    zip.append(EXPORT_README, { name: 'README.txt' });
    for (const file of audio) {
      const entered = new Promise((resolve) => zip.once('entry', resolve));
      zip.append(await this.storage.read(file.key), { name: file.file });
      await entered;
    }
    await zip.finalize();
    await done;
  }

  async erase(actor: Actor, kind: SubjectKind, id: string, confirmation: string): Promise<ErasureResult> {
    const subject = await this.summary(actor, kind, id);
    if (subject.id !== id) throw new DomainError('NOT_FOUND', NOT_FOUND);
    if (confirmation.trim().toLowerCase() !== subject.confirmation.toLowerCase()) {
      throw new DomainError('BAD_USER_INPUT', 'De bevestiging klopt niet. Typ precies wat er gevraagd wordt.', [
        { field: 'confirmation', message: kind === 'client' ? 'Typ de code van de cliënt.' : 'Typ het e-mailadres van de medewerker.' },
      ]);
    }
    const audit = {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: 'privacy.erase',
      subjectType: kind === 'client' ? 'wat-telt-client' : 'user',
      subjectId: id,
      details: { kind },
    };
    const counts =
      kind === 'client'
        ? await this.subjects.eraseClient(actor.organisationId, id, audit)
        : await this.subjects.eraseStories(actor.organisationId, await this.subjects.storyIdsOfUser(actor.organisationId, id), audit);
    const filesPending = await this.removePendingFiles(actor.organisationId);
    return { ...counts, filesPending };
  }

  /** After the commit: the files of this organisation's erasures; what fails stays listed for the retention job. */
  private async removePendingFiles(organisationId: string): Promise<number> {
    const files = await this.subjects.pendingFiles(10_000, organisationId);
    const { failed } = await removeStoredFiles(this.storage, this.config.storage.uploadDir, files, {
      removed: (fileId) => this.subjects.fileRemoved(fileId),
      failed: (fileId, error) => this.subjects.fileRemovalFailed(fileId, error),
    });
    return failed;
  }
}
