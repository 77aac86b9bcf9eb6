import { Injectable } from '@nestjs/common';
import { OrganisationRepository, VertelpuntRepository, type QuestionnaireVersionEntity } from '@vertelpunt/db';
import type { Question } from '@vertelpunt/domain';
import type { FormOption, FormQuestion, VertelForm } from './vertel-form.model';

const EMPTY: Omit<FormQuestion, 'id' | 'type' | 'prompt' | 'help' | 'required' | 'allowNotApplicable' | 'options'> = {
  archetypeSetId: null,
  min: null,
  max: null,
  maxChoices: null,
  minLabel: null,
  maxLabel: null,
  leftLabel: null,
  rightLabel: null,
  xLeftLabel: null,
  xRightLabel: null,
  yBottomLabel: null,
  yTopLabel: null,
  maxLength: null,
  multiline: null,
};

const plainOption = (o: { id: string; label: string }): FormOption => ({ id: o.id, label: o.label, description: null, icon: null });

/** Turns a stored version into what the recorder shows: archetype and wijk choices filled in from the organisation. */
@Injectable()
export class VertelFormService {
  constructor(
    private readonly vertelpunten: VertelpuntRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  async formOf(version: QuestionnaireVersionEntity): Promise<VertelForm> {
    const organisationId = version.organisationId;
    const setIds = version.questions.flatMap((q) => (q.type === 'archetype' ? [q.archetypeSetId] : []));
    const archetypes = await this.vertelpunten.archetypesOf(organisationId, setIds);
    const wijken = version.questions.some((q) => q.type === 'wijk') ? await this.organisations.wijken(organisationId) : [];
    const toForm = (q: Question): FormQuestion => {
      const base = { ...EMPTY, id: q.id, type: q.type, prompt: q.prompt, help: q.help ?? null, required: q.required, allowNotApplicable: q.allowNotApplicable };
      switch (q.type) {
        case 'archetype':
          return {
            ...base,
            archetypeSetId: q.archetypeSetId,
            min: q.min,
            max: q.max,
            options: archetypes.filter((a) => a.setId === q.archetypeSetId).map((a) => ({ id: a.id, label: a.name, description: a.description, icon: a.icon })),
          };
        case 'single':
          return { ...base, options: q.options.map(plainOption) };
        case 'multi':
        case 'leefgebied':
          return { ...base, options: q.options.map(plainOption), maxChoices: q.maxChoices };
        case 'scale':
          return { ...base, options: [], min: q.min, max: q.max, minLabel: q.minLabel, maxLabel: q.maxLabel };
        case 'dyad':
          return { ...base, options: [], min: 0, max: 100, leftLabel: q.leftLabel, rightLabel: q.rightLabel };
        case 'canvas':
          return { ...base, options: [], min: 0, max: 100, xLeftLabel: q.xLeftLabel, xRightLabel: q.xRightLabel, yBottomLabel: q.yBottomLabel, yTopLabel: q.yTopLabel };
        case 'text':
          return { ...base, options: [], maxLength: q.maxLength, multiline: q.multiline };
        case 'wijk':
          return { ...base, options: wijken.map((w) => plainOption({ id: w.id, label: w.name })) };
      }
    };
    return {
      questionnaireVersionId: version.id,
      version: version.version,
      intro: version.intro,
      storyPrompt: version.storyPrompt,
      titlePrompt: version.titlePrompt,
      questions: version.questions.map(toForm),
    };
  }
}
