export * from './taxonomies/werkzame-elementen';
export * from './taxonomies/leefgebieden';
export * from './archetypes/default-archetypes';
export * from './questionnaires/default-questionnaires';
export * from './demo/demo-stories';
