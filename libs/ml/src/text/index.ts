export * from './dutch-stemmer';
export * from './stop-words';
export * from './tokenize';
export * from './features';
export * from './seeded-random';
