export * from './tafel';
export * from './basket-order';
export * from './diverse-pick';
export * from './story-card';
