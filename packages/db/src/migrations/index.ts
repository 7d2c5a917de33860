import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';

/** Ordered, in-code migrations: bundled with the server, no filesystem scan. */
export const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
