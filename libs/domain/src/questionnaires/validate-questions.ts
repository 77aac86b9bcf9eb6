import type { FieldProblem } from '../errors/domain-error';
import { QUESTION_TYPES, type Question } from './question';

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Checks a questionnaire version an admin wants to publish; one problem per field (`questions.<n>.<field>`). */
export const validateQuestions = (questions: Question[]): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  if (questions.length === 0) problems.push({ field: 'questions', message: 'Een vragenlijst heeft minstens één vraag.' });
  questions.forEach((q, i) => {
    const at = (field: string, message: string) => problems.push({ field: `questions.${i}.${field}`, message });
    if (!ID.test(q.id)) at('id', 'Gebruik kleine letters, cijfers en streepjes.');
    if (seen.has(q.id)) at('id', 'Deze vraag-id komt twee keer voor.');
    seen.add(q.id);
    if (!(QUESTION_TYPES as readonly string[]).includes(q.type)) at('type', 'Onbekend soort vraag.');
    if (q.prompt.trim().length < 3) at('prompt', 'Schrijf de vraag uit.');
    switch (q.type) {
      case 'archetype':
        if (q.min < 1 || q.max < q.min || q.max > 3) at('max', 'Kies tussen 1 en 3 archetypen, minimum niet boven maximum.');
        break;
      case 'single':
      case 'multi':
      case 'leefgebied': {
        if (q.options.length < 2) at('options', 'Geef minstens twee antwoorden.');
        const ids = q.options.map((o) => o.id);
        if (new Set(ids).size !== ids.length) at('options', 'Elk antwoord heeft een eigen id.');
        if (q.options.some((o) => o.label.trim() === '')) at('options', 'Elk antwoord heeft een tekst.');
        if (q.type !== 'single' && q.maxChoices !== null && (q.maxChoices < 1 || q.maxChoices > q.options.length)) {
          at('maxChoices', 'Het maximum ligt tussen 1 en het aantal antwoorden.');
        }
        break;
      }
      case 'scale':
        if (!Number.isInteger(q.min) || !Number.isInteger(q.max) || q.max <= q.min || q.max - q.min > 100) {
          at('max', 'Een schaal loopt van een heel getal naar een hoger heel getal.');
        }
        break;
      case 'dyad':
        if (!q.leftLabel.trim() || !q.rightLabel.trim()) at('leftLabel', 'Geef beide polen een naam.');
        break;
      case 'canvas':
        if (![q.xLeftLabel, q.xRightLabel, q.yBottomLabel, q.yTopLabel].every((l) => l.trim())) at('xLeftLabel', 'Geef alle vier de polen een naam.');
        break;
      case 'text':
        if (q.maxLength < 10 || q.maxLength > 20_000) at('maxLength', 'Kies een maximum tussen 10 en 20.000 tekens.');
        break;
      case 'wijk':
        break;
    }
  });
  return problems;
};
