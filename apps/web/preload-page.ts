import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

function chunkOf(bundle: OutputBundle, moduleSuffix: string): OutputChunk | undefined {
  return Object.values(bundle).find(
    (output): output is OutputChunk =>
      output.type === 'chunk' && (output.facadeModuleId ?? '').endsWith(moduleSuffix),
  );
}

/**
 * `<link rel="modulepreload">` (and `preload` for its CSS) in index.html for one lazy page and what it imports:
 * the browser fetches the page alongside the entry instead of after running it (one round trip less before the
 * landing paints on a phone, #21). Other pages pay a few kB of download for it, never its execution.
 */
export function preloadPage(moduleSuffix: string): Plugin {
  return {
    name: 'stockscan:preload-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        const page = bundle && chunkOf(bundle, moduleSuffix);
        if (!bundle || !page) throw new Error(`preloadPage: no chunk for ${moduleSuffix}`);
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (chunk: OutputChunk) => {
          if (scripts.has(chunk.fileName)) return;
          scripts.add(chunk.fileName);
          for (const css of (chunk as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata
            ?.importedCss ?? [])
            styles.add(css);
          for (const name of chunk.imports) {
            const next = bundle[name];
            if (next?.type === 'chunk') visit(next);
          }
        };
        visit(page);
        // The entry and its own imports are in the page already.
        for (const match of html.matchAll(/(?:src|href)="\/([^"]+)"/g)) {
          scripts.delete(match[1] as string);
          styles.delete(match[1] as string);
        }
        return [
          ...[...scripts].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
          ...[...styles].map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}
