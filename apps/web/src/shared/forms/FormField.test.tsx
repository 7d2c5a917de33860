import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormField } from './FormField';

function render(props: { error?: string | null; hint?: string; className?: string }) {
  return renderToStaticMarkup(
    <FormField id="f" label="Email" {...props}>
      {(aria) => <input {...aria} />}
    </FormField>,
  );
}

describe('FormField', () => {
  it('ties the label, the error and the hint to the control', () => {
    const html = render({ error: 'Adresse invalide.', hint: 'nom@domaine.fr' });
    expect(html).toContain('<label for="f">Email</label>');
    expect(html).toContain('<input id="f" aria-invalid="true" aria-describedby="f-error f-hint"/>');
    expect(html).toContain('<p id="f-error" class="field-error">Adresse invalide.</p>');
    expect(html).toContain('<p id="f-hint" class="field-hint">nom@domaine.fr</p>');
  });

  it('says nothing about an error while there is none, and does not read a hint twice', () => {
    expect(render({ hint: 'h' })).toContain('<input id="f" aria-describedby="f-hint"/>');
    expect(render({ error: null })).not.toContain('aria-invalid');
    const same = render({ error: 'Au moins 8 caractères.', hint: 'Au moins 8 caractères.' });
    expect(same).toContain('aria-describedby="f-error"');
    expect(same).not.toContain('f-hint');
  });

  it('marks the wrapper of a `field` while in error, and leaves the parts in the form without one', () => {
    expect(render({ error: 'x', className: 'field' })).toMatch(/^<div class="field field-invalid">/);
    expect(render({ className: 'field' })).toMatch(/^<div class="field">/);
    expect(render({})).toMatch(/^<label/);
  });
});
