import type { AssistantResponse } from '@stockscan/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { LocaleProvider } from '../../i18n/i18n';
import { AssistantAnswer } from './AssistantAnswer';

function render(answer: AssistantResponse): string {
  return renderToStaticMarkup(
    <MemoryRouter>
      <LocaleProvider>
        <AssistantAnswer answer={answer} />
      </LocaleProvider>
    </MemoryRouter>,
  );
}

const base: AssistantResponse = {
  enabled: true,
  mode: 'ai',
  message: 'La casse vous coûte le plus ce mois-ci.',
  insights: [
    { title: 'Inventaire complet', description: '10 produits comptés sur 10.', severity: 'info' },
    { title: 'Casse en hausse', description: '62,40 € perdus.', severity: 'danger' },
    { title: 'Stock bas', description: 'Rhum : 1,25 pour 2.', severity: 'warning' },
  ],
  actions: [
    { label: 'Voir les pertes', href: '/app/losses' },
    { label: 'Prévenir l’équipe', href: null },
  ],
  question: 'Où est-ce que je perds le plus ?',
  request_id: 'req-1',
};

describe('AssistantAnswer', () => {
  it('lists findings most severe first, each with its level in words', () => {
    const html = render(base);
    const order = ['Casse en hausse', 'Stock bas', 'Inventaire complet'].map((t) => html.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('Urgent');
    expect(html).toContain('À surveiller');
    expect(html).toContain('À savoir');
    expect(html).toContain('Réponse de l’assistant IA');
  });

  it('links app routes and keeps a step without a route as plain text', () => {
    const html = render(base);
    expect(html).toMatch(/<a[^>]+href="\/app\/losses"[^>]*>Voir les pertes/);
    expect(html).not.toMatch(/<a[^>]*>Prévenir/);
    expect(html).toContain('Prévenir l’équipe');
  });

  it('labels the deterministic summary honestly, and says why', () => {
    const off = render({ ...base, mode: 'fallback', enabled: false, question: null });
    expect(off).toContain('Résumé automatique');
    expect(off).toContain('sans IA');
    expect(off).toContain('Résumé du mois');
    expect(off).not.toContain('Réponse de l’assistant IA');

    const slow = render({ ...base, mode: 'fallback', enabled: true });
    expect(slow).toContain('n’a pas répondu à temps');
  });
});
