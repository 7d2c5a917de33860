export * from './create-db';
export * from './migrate';
export * from './prepared-query';
export * from './schema';
