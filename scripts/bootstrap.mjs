#!/usr/bin/env node
// `npm start` / `npm test` on a fresh machine that has only Node 20 and npm:
// bootstrap the pinned pnpm (corepack, else npm), install with the frozen lockfile, then build+serve or validate.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const mode = process.argv[2];
if (mode !== 'start' && mode !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsBin = join(root, '.tools', 'bin');
const env = {
  ...process.env,
  COREPACK_INTEGRITY_KEYS: '0',
  COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
  COREPACK_ENABLE_AUTO_PIN: '0',
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  pnpm_config_update_notifier: 'false',
  PATH: [toolsBin, join(root, '.tools', 'npm', 'node_modules', '.bin'), process.env.PATH].join(delimiter),
};

const pnpmVersion = () => {
  const r = spawnSync('pnpm', ['--version'], { env, cwd: root, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};

function ensurePnpm() {
  if (pnpmVersion() === pinned) return;
  console.log(`[bootstrap] installing pnpm ${pinned} into .tools/ …`);
  mkdirSync(toolsBin, { recursive: true });
  const viaCorepack = spawnSync('corepack', ['enable', '--install-directory', toolsBin, 'pnpm'], {
    env,
    cwd: root,
    stdio: 'inherit',
  });
  if (viaCorepack.status === 0 && pnpmVersion() === pinned) return;
  execFileSync('npm', ['install', '--no-save', '--prefix', join(root, '.tools', 'npm'), `pnpm@${pinned}`], {
    env,
    cwd: root,
    stdio: 'inherit',
  });
  if (pnpmVersion() !== pinned) {
    console.error(`[bootstrap] could not get pnpm ${pinned}`);
    process.exit(1);
  }
}

function run(args) {
  const r = spawnSync('pnpm', args, { env, cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

ensurePnpm();
run(['install', '--frozen-lockfile']);

if (mode === 'test') {
  run(['validate']);
} else {
  run(['build']);
  if (!existsSync(join(root, 'apps/api/dist/main.js'))) {
    console.error('[bootstrap] build did not produce apps/api/dist/main.js');
    process.exit(1);
  }
  // Hand over to the server; forward signals so SIGTERM drains in-flight requests.
  const server = spawn('pnpm', ['serve'], { env, cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}
