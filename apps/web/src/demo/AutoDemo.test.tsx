import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AutoDemo } from './AutoDemo';

const NOW = new Date('2025-06-20T10:00:00Z');

describe('AutoDemo', () => {
  it('shows bar bottles by default, with the opened-bottle fractions', () => {
    const html = renderToStaticMarkup(<AutoDemo now={NOW} />);
    expect(html).toContain('data-testid="autodemo"');
    expect(html).toContain('Get 27');
    expect(html).toContain('Inventaire de juin');
    expect(html).toContain('Précédent');
    expect(html).toContain('Suivant');
  });

  it('shows the data of the trade it sits on (croissants at the bakery, no bottles)', () => {
    const html = renderToStaticMarkup(<AutoDemo trade="bakery" now={NOW} />);
    expect(html).toContain('Farine T65');
    expect(html).not.toContain('Get 27');
  });

  it('has no way to reach the network or storage', () => {
    const sources = readdirSync(import.meta.dirname)
      .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
      .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
      .join('\n');
    for (const forbidden of [
      'fetch(',
      'XMLHttpRequest',
      'WebSocket',
      'sendBeacon',
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'document.cookie',
      'useTRPC',
      'lib/trpc',
      'http://',
      'https://',
      '<img',
    ]) {
      expect(sources, forbidden).not.toContain(forbidden);
    }
  });
});
