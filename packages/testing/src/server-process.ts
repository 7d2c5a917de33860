import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

/** A TCP port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((done) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => done(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  logs: string[];
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Spawns the server on `port`; resolves once this very process says it listens, or with its exit code. */
function spawnServer(
  port: number,
  env: Record<string, string>,
  nodeArgs: string[],
  startTimeoutMs: number,
  stdout: 'keep' | 'discard',
) {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    stdio: ['ignore', stdout === 'keep' ? 'pipe' : 'ignore', 'pipe', 'ipc'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_SECRET: 'server-process-secret-server-process-0123',
      FRONTEND_URL: url,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      INVITATIONS_SEND_EMAILS: 'false',
      ...env,
    },
  });
  const logs: string[] = [];
  child.stdout?.on('data', (d: Buffer) => logs.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => logs.push(d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const started = new Promise<'listening' | 'exited' | 'timeout'>((done) => {
    const timer = setTimeout(() => done('timeout'), startTimeoutMs);
    child.on('message', (m: { type?: string }) => {
      if (m?.type !== 'listening') return;
      clearTimeout(timer);
      done('listening');
    });
    void exited.then(() => {
      clearTimeout(timer);
      done('exited');
    });
  });
  return { url, child, logs, exited, started };
}

/**
 * The built server (apps/api/dist/main.js, what `pnpm serve` and so `pnpm start` run) in its own process, on
 * `env` over a development baseline, with `nodeArgs` before the script. Resolves once that process reports it
 * listens (an IPC message, not a /health probe: another server may have taken the port picked for this one, which
 * then starts again on another port).
 */
export async function startServerProcess(
  env: Record<string, string>,
  {
    startTimeoutMs = 30_000,
    nodeArgs = [],
    stdout = 'keep',
  }: {
    startTimeoutMs?: number;
    nodeArgs?: string[];
    /** 'discard': the JSON logs go to /dev/null (a benchmark's millions of lines), stderr is still kept. */
    stdout?: 'keep' | 'discard';
  } = {},
): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const server = spawnServer(await freePort(), env, nodeArgs, startTimeoutMs, stdout);
    const outcome = await server.started;
    const { child, exited } = server;
    if (outcome === 'listening')
      return {
        url: server.url,
        child,
        logs: server.logs,
        exited,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      };
    if (outcome === 'timeout') child.kill('SIGKILL');
    const portTaken = server.logs.join('').includes('EADDRINUSE');
    if (!portTaken || attempt === 3) throw new Error(`server did not start:\n${server.logs.join('')}`);
  }
}
