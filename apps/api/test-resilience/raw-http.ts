import { request } from 'node:http';

export type RawOutcome =
  | { status: number; body: unknown; error?: undefined }
  | { status: 0; body?: undefined; error: string };

/**
 * One request on its own TCP connection (no keep-alive pool), so a test knows exactly when it was sent and
 * can tell "connection refused" (error ECONNREFUSED) from an HTTP answer.
 */
export function rawRequest(
  url: string,
  init: { method?: string; json?: unknown; token?: string; timeoutMs?: number } = {},
): Promise<RawOutcome> {
  const payload = init.json === undefined ? undefined : JSON.stringify(init.json);
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: init.method ?? (payload === undefined ? 'GET' : 'POST'),
        agent: false,
        headers: {
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
        timeout: init.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ status: 0, error: error.code ?? error.message }),
        );
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, error: error.code ?? error.message }),
    );
    req.end(payload);
  });
}
