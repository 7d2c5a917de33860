import { IMPORT_FIELDS, type ImportField, type ImportKind, type ImportMapping } from '@stockscan/contracts';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { FormField } from '../../shared/forms/FormField';
import type { Preview } from './import-model';
import { m } from './messages';

/** One select per field: which column of the file holds it (as detected, changeable). */
export function MappingSelects({
  kind,
  preview,
  busy,
  onApply,
}: {
  kind: ImportKind;
  preview: Preview;
  busy: boolean;
  onApply: (mapping: ImportMapping) => void;
}) {
  const t = useT(m);
  const [mapping, setMapping] = useState<ImportMapping>(preview.mapping);
  const changed = IMPORT_FIELDS[kind].some((f) => (mapping[f] ?? null) !== (preview.mapping[f] ?? null));
  const label = (field: ImportField) =>
    field === 'quantity' && kind === 'sales' ? t('field_quantity_sales') : t(`field_${field}`);
  return (
    <section className="card import-columns" aria-labelledby="import-columns-title">
      <h2 id="import-columns-title">{t('columns_title')}</h2>
      <p className="muted">{t('columns_lead', { line: preview.header_line })}</p>
      <div className="import-mapping">
        {IMPORT_FIELDS[kind].map((field) => (
          <FormField key={field} label={label(field)} className="field">
            {(aria) => (
              <select
                {...aria}
                value={mapping[field] ?? ''}
                onChange={(e) =>
                  setMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })
                }
              >
                <option value="">{t('column_none')}</option>
                {preview.columns.map((c) => (
                  <option key={c.index} value={c.index}>
                    {c.header || `#${c.index + 1}`}
                    {c.samples[0] ? ` (${c.samples[0]})` : ''}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ))}
      </div>
      <button type="button" className="button" disabled={!changed || busy} onClick={() => onApply(mapping)}>
        {t('apply_mapping')}
      </button>
    </section>
  );
}
