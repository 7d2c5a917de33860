import { createDb, migrateToLatest } from '@stockscan/db';
import { ConfigError, loadConfig } from './config';
import { createOpenAI } from './integrations/openai';
import { createMailer } from './integrations/sendgrid';
import { createStripe } from './integrations/stripe';
import { seedDemoIfEmpty } from './seed/demo';
import { buildServer } from './server';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const { db, engine } = await createDb({
    databaseUrl: config.databaseUrl,
    pgliteDataDir: config.pgliteDataDir,
    nodeEnv: config.nodeEnv,
    poolMax: config.dbPoolMax,
  });
  await migrateToLatest(db);
  // Export cursors read from their own small pool (PGlite has one connection: it shares it).
  const exportDb = config.databaseUrl
    ? (await createDb({ databaseUrl: config.databaseUrl, poolMax: config.exports.maxConcurrentPerInstance }))
        .db
    : db;

  const app = await buildServer(config, {
    db,
    exportDb,
    stripe: createStripe(config),
    mailer: createMailer(config),
    openai: createOpenAI(config),
    now: () => new Date(),
  });

  if (config.appSecretGenerated) {
    app.log.warn(
      'APP_SECRET is not set: a random one was generated, tokens will not survive a restart (dev only)',
    );
  }
  if (engine === 'pglite')
    app.log.warn(`DATABASE_URL is not set: embedded PGlite in ${config.pgliteDataDir} (dev/demo only)`);
  // The demo owner's password is public: only ever on the embedded database, never on PostgreSQL (a forgotten
  // NODE_ENV must not open a known account on a real deployment).
  if (config.seedDemo && engine === 'pglite' && config.nodeEnv !== 'production') {
    const demo = await seedDemoIfEmpty(db, config, new Date());
    if (demo) app.log.info(`demo data ready — log in as "${demo.username}" / "${demo.password}"`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: finishing in-flight requests`);
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    await app.close();
    if (exportDb !== db) await exportDb.destroy();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const url = await app.listen({ port: config.port, host: config.host });
  // A parent process that started us with an IPC channel (tests, benchmarks) learns that this very process is up.
  process.send?.({ type: 'listening', url });
}

await main();
