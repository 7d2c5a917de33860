import { afterAll, inject } from 'vitest';
import { openTestDb, type TestDb } from './index';
import './global-setup';

/** In a test file: `const t = await useTestDb();` — a fresh database, dropped after the file. */
export async function useTestDb(): Promise<TestDb> {
  const testDb = await openTestDb(inject('dbTemplate'));
  afterAll(() => testDb.drop());
  return testDb;
}
