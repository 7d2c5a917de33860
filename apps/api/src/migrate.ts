import { createDb, migrateToLatest } from '@stockscan/db';
import { ConfigError, loadConfig } from './config';

/** `pnpm db:migrate`: applies migrations to DATABASE_URL (or the embedded database). */
try {
  const config = loadConfig(process.env);
  const { db, engine } = await createDb({
    databaseUrl: config.databaseUrl,
    pgliteDataDir: config.pgliteDataDir,
    nodeEnv: config.nodeEnv,
  });
  const applied = await migrateToLatest(db);
  console.log(`migrations on ${engine}: ${applied.length ? applied.join(', ') : 'already up to date'}`);
  await db.destroy();
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
