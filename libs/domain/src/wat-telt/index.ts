export * from './leefgebieden';
export * from './client-code';
export * from './measurement';
export * from './distribution';
export * from './impact';
export * from './suppression';
export * from './csv';
export * from './import-rows';
