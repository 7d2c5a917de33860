export * from './create-db';
export * from './migrate';
export * from './schema';
