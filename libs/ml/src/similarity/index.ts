export * from './story-vectors';
export * from './similarity-index';
export * from './transformer-embedder';
export * from './story-embedding';
export * from './neighbour-quality';
