import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type Plugin, type Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** A page written as HTML at build time: its URL, its file in dist/, and the modules its route loads. */
export interface PrerenderedPage {
  url: string;
  file: string;
  modules: string[];
}

function chunkOf(bundle: OutputBundle, moduleSuffix: string): OutputChunk {
  const chunk = Object.values(bundle).find(
    (output): output is OutputChunk =>
      output.type === 'chunk' && (output.facadeModuleId ?? '').endsWith(moduleSuffix),
  );
  if (!chunk) throw new Error(`prerender: no chunk for ${moduleSuffix}`);
  return chunk;
}

/** The scripts and stylesheets `modules` load, with everything they import statically. */
function assetsOf(bundle: OutputBundle, modules: string[]): { scripts: Set<string>; styles: Set<string> } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (scripts.has(chunk.fileName)) return;
    scripts.add(chunk.fileName);
    for (const css of (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ??
      [])
      styles.add(css);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next);
    }
  };
  for (const module of modules) visit(chunkOf(bundle, module));
  return { scripts, styles };
}

/**
 * Writes the first render of public pages into their HTML at build time (#21: Lighthouse on a phone). Without
 * it a phone shows nothing until ~90 kB of script has arrived and run; with it the page paints as soon as its
 * HTML is there (its stylesheets are in it), and main.tsx hydrates it. Each page's HTML also preloads its own
 * chunks (`modulepreload`).
 *
 * dist/index.html is the landing (served for `/`); dist/shell.html is the empty page every other route gets
 * (the server's SPA fallback), so no other page flashes the landing; dist/pages.json maps the prerendered URLs to
 * their files and lists the hashes of their <style> blocks, for the server (SPA fallback, CSP).
 */
export function prerenderPages(pages: PrerenderedPage[], define: Record<string, string>): Plugin {
  let root = '';
  return {
    name: 'stockscan:prerender-pages',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(options, bundle) {
      const outDir = resolve(root, options.dir ?? 'dist');
      const shell = await readFile(join(outDir, 'index.html'), 'utf8');
      // The page's own scripts: its HTML loads the entry (and what it imports) already.
      const inShell = new Set([...shell.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1] as string));

      // Inside the package, so the render's imports (react, react-router…) resolve from its node_modules.
      const ssrDir = await mkdtemp(join(root, 'node_modules', '.prerender-'));
      try {
        await build({
          configFile: false,
          root,
          logLevel: 'warn',
          plugins: [react()],
          define,
          build: { ssr: 'src/prerender.tsx', outDir: ssrDir, emptyOutDir: true, target: 'node20' },
        });
        const { renderPage } = (await import(pathToFileURL(join(ssrDir, 'prerender.js')).href)) as {
          renderPage: (url: string) => Promise<string>;
        };
        const manifest: { pages: Record<string, string>; styleHashes: string[] } = {
          pages: {},
          styleHashes: [],
        };
        const entryStyles = [...shell.matchAll(/\n\s*<link rel="stylesheet" crossorigin href="\/([^"]+)">/g)];
        for (const page of pages) {
          const markup = await renderPage(page.url);
          const { scripts, styles } = assetsOf(bundle, page.modules);
          // The stylesheets the markup needs, in the page itself: it paints as soon as its HTML is there, before
          // any script runs (a stylesheet is one more round trip, and the scripts came in the meantime). The CSP
          // allows this very block by its hash (pages.json, read by the server).
          const css = (
            await Promise.all(
              [...entryStyles.map((m) => m[1] as string), ...[...styles].filter((f) => !inShell.has(f))].map(
                (f) => readFile(join(outDir, f), 'utf8'),
              ),
            )
          ).join('\n');
          manifest.styleHashes.push(`sha256-${createHash('sha256').update(css).digest('base64')}`);
          const preloads = [...scripts]
            .filter((f) => !inShell.has(f))
            .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`);
          let html = shell;
          for (const [link] of entryStyles) html = html.replace(link, '');
          html = html
            .replace('</head>', `  ${preloads.join('\n    ')}\n    <style>${css}</style>\n  </head>`)
            .replace('<div id="root"></div>', `<div id="root" data-page="${page.url}">${markup}</div>`);
          if (!html.includes(`data-page="${page.url}"`))
            throw new Error('prerender: index.html has no <div id="root"></div>');
          await writeFile(join(outDir, page.file), html);
          manifest.pages[page.url] = page.file;
        }
        await writeFile(join(outDir, 'shell.html'), shell);
        await writeFile(join(outDir, 'pages.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      } finally {
        await rm(ssrDir, { recursive: true, force: true });
      }
    },
  };
}
