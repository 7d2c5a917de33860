import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** Raw body text; `json` / `form` are parsed views of it. */
  body: string;
  json: unknown;
  form: URLSearchParams;
}

export interface FakeReply {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Never answer (to test timeouts). */
  hang?: boolean;
}

export type FakeHandler = (req: RecordedRequest) => FakeReply | Promise<FakeReply>;

/** A local HTTP server standing in for a third-party API; it records every request it receives. */
export interface FakeServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Replaces the behaviour for the next requests (default answers 404). */
  handle(handler: FakeHandler): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeServer(initial?: FakeHandler): Promise<FakeServer> {
  let handler: FakeHandler = initial ?? (() => ({ status: 404, json: { error: 'no handler' } }));
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    let json: unknown;
    try {
      json = body ? JSON.parse(body) : undefined;
    } catch {
      json = undefined;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json,
      form: new URLSearchParams(body),
    };
    requests.push(recorded);
    const reply = await handler(recorded);
    if (reply.hang) {
      hanging.add(res);
      return;
    }
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    let payload = reply.text ?? '';
    if (reply.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(reply.json);
    }
    res.writeHead(reply.status ?? 200, headers).end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    handle(next) {
      handler = next;
    },
    reset() {
      requests.length = 0;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
