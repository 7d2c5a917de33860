import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { StaticRouter } from 'react-router';
import { PageTree } from './app/routes';
import { LocaleProvider } from './i18n/i18n';

/**
 * The HTML of a page as a first visit renders it (French, signed out), for the build to write into its HTML file
 * (prerender-pages.ts): a phone paints it before any script runs, and main.tsx hydrates it. Waits for the lazy
 * page chunks, as the browser would.
 */
export async function renderPage(url: string): Promise<string> {
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <LocaleProvider>
        <StaticRouter location={url}>
          <PageTree />
        </StaticRouter>
      </LocaleProvider>
    </StrictMode>,
  );
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}
