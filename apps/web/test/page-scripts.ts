import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`, `export … from`), not `import()`. */
function staticImports(dist: string, file: string): string[] {
  const code = readFileSync(join(dist, file), 'utf8');
  return [...code.matchAll(/(?:import|export)\s*(?:[\w$*{}\s,]*from\s*)?["']\.\/([^"']+\.js)["']/g)].map(
    (m) => `assets/${m[1]}`,
  );
}

/** The chunk Vite named after a page module (`Landing-<hash>.js` for pages/Landing.tsx). */
export function pageChunk(dist: string, page: string): string {
  const file = readdirSync(join(dist, 'assets')).find((f) => new RegExp(`^${page}-[\\w-]{8}\\.js$`).test(f));
  if (!file) throw new Error(`no chunk for ${page} in ${dist}/assets`);
  return `assets/${file}`;
}

/**
 * The scripts a page runs before it shows: index.html's entry, the page's own chunk (a lazy route) and every
 * chunk they import statically. What the page fetches only on a click (other routes) is not counted.
 */
export function pageScripts(dist: string, page: string): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const seen = new Set<string>();
  const queue = [...entries, pageChunk(dist, page)];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(dist, file));
  }
  return [...seen];
}
