import { Inject, Injectable } from '@nestjs/common';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TafelRepository } from '@vertelpunt/db';
import { keyAnswersFor } from '@vertelpunt/domain';
import type { JobPayloads } from '@vertelpunt/queue';
import { audioKey, type AudioStorage } from '@vertelpunt/storage';
import type { JobProcessor } from '../job-processor';
import { AUDIO_STORAGE } from '../tokens';
import { renderPrintPack } from './print-pack.pdf';

export const PRINT_FAILED_REASON = 'Het printpakket kon niet gemaakt worden. Probeer het opnieuw.';

/** Where a Tafel's print pack lives: beside the organisation's recordings, so erasing an organisation removes it. */
export const printPackKey = (organisationId: string, tafelId: string, version: number) =>
  audioKey(organisationId, `tafel-${tafelId}`, `printpakket-${version}.pdf`);

/** Story cards and a session sheet as one PDF, from anonymised text only. */
@Injectable()
export class TafelPrintPackProcessor implements JobProcessor<'tafel.printpack'> {
  readonly name = 'tafel.printpack' as const;

  constructor(
    private readonly tafels: TafelRepository,
    @Inject(AUDIO_STORAGE) private readonly storage: AudioStorage,
  ) {}

  async process({ organisationId, tafelId, version }: JobPayloads['tafel.printpack']): Promise<void> {
    const tafel = await this.tafels.findById(organisationId, tafelId);
    // A newer request supersedes this one; a finished one needs nothing.
    if (!tafel || tafel.printVersion !== version || tafel.printStatus === 'ready') return;
    const [facilitator, stories, wijken] = await Promise.all([
      this.tafels.member(organisationId, tafel.facilitatorUserId),
      this.tafels.printPackStories(organisationId, tafelId),
      this.tafels.wijkNamesById(organisationId),
    ]);
    const pdf = await renderPrintPack(
      {
        title: tafel.title,
        date: tafel.date,
        question: tafel.question,
        facilitatorName: facilitator?.name ?? '—',
        wijkName: tafel.wijkId ? (wijken.get(tafel.wijkId) ?? null) : null,
      },
      stories.map((s) => ({
        title: s.redactedTitle,
        text: s.redactedText,
        archetypes: s.archetypeNames,
        wijkName: s.wijkName,
        keyAnswers: keyAnswersFor(s.questions, s.answers, wijken),
      })),
    );
    const dir = await mkdtemp(path.join(tmpdir(), 'vp-printpack-'));
    try {
      const file = path.join(dir, 'printpakket.pdf');
      await writeFile(file, pdf);
      const key = printPackKey(organisationId, tafelId, version);
      await this.storage.putFile(key, file);
      const current = await this.tafels.markPrinted(organisationId, tafelId, version, key);
      // Keep one pack per Tafel: this one when it is current (dropping the one it replaces), else none of ours.
      const obsolete = current ? tafel.printKey : key;
      if (obsolete && (obsolete !== key || !current)) await this.storage.delete(obsolete).catch(() => undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async onFinalFailure({ organisationId, tafelId, version }: JobPayloads['tafel.printpack']) {
    await this.tafels.markPrintFailed(organisationId, tafelId, version, PRINT_FAILED_REASON);
  }
}
