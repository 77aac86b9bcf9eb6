export * from './tagger-model';
export * from './train-tagger';
export * from './predict-tags';
export * from './evaluate-tagger';
export * from './default-taggers';
export * from './extra-examples';
export { TAGGING_EVAL_SET } from './tagging-evalset';
