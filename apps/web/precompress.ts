import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What a browser downloads as text (or wasm): worth a compressed copy. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml|wasm)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 512;

/** Writes `<file>.br` and `<file>.gz` next to a file, each only when smaller than the file itself. */
export async function precompressFile(path: string): Promise<{ raw: number; br?: number; gzip?: number }> {
  const raw = await readFile(path);
  const result: { raw: number; br?: number; gzip?: number } = { raw: raw.length };
  if (raw.length < MIN_BYTES) return result;
  const [br, gzipped] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm')
          ? constants.BROTLI_MODE_GENERIC
          : constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gz(raw, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  if (br.length < raw.length) {
    await writeFile(`${path}.br`, br);
    result.br = br.length;
  }
  if (gzipped.length < raw.length) {
    await writeFile(`${path}.gz`, gzipped);
    result.gzip = gzipped.length;
  }
  return result;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry);
    if (COMPRESSIBLE.test(entry) && (await stat(path)).isFile()) files.push(path);
  }
  return files;
}

/**
 * Brotli (max quality) and gzip copies of every text asset of the build, public/ files included, so the server
 * sends them compressed without compressing per request (@fastify/static `preCompressed`, see apps/api server.ts).
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'stockscan:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = await filesUnder(outDir);
      await Promise.all(files.map((f) => precompressFile(f)));
    },
  };
}
