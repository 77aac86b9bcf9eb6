import { Injectable } from '@nestjs/common';
import { AnalysisRepository } from '@vertelpunt/db';
import { redact } from '@vertelpunt/ml';

const WIJKEN_TTL_MS = 60_000;

/**
 * Free-text answers ("Wie hielp je?") can hold names just like the story. Colleagues read them through the same
 * anonymiser the workers use, at read time, so an answer the teller edits later is never shown raw. Wijk names stay.
 */
@Injectable()
export class AnswerRedaction {
  private readonly wijken = new Map<string, { at: number; names: Promise<string[]> }>();

  constructor(private readonly analysis: AnalysisRepository) {}

  async hide(organisationId: string, text: string): Promise<string> {
    return redact(text, { keep: await this.wijkNames(organisationId) }).redacted;
  }

  private wijkNames(organisationId: string): Promise<string[]> {
    let entry = this.wijken.get(organisationId);
    if (!entry || Date.now() - entry.at > WIJKEN_TTL_MS) {
      entry = { at: Date.now(), names: this.analysis.wijkNames(organisationId) };
      void entry.names.catch(() => this.wijken.delete(organisationId));
      this.wijken.set(organisationId, entry);
    }
    return entry.names;
  }
}
