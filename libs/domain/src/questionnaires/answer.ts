export type AnswerValue =
  | { kind: 'archetypes'; archetypeIds: string[] }
  | { kind: 'choice'; optionIds: string[] }
  | { kind: 'number'; value: number }
  | { kind: 'point'; x: number; y: number }
  | { kind: 'text'; text: string }
  | { kind: 'notApplicable' };

export type GivenAnswer = { questionId: string; value: AnswerValue };
