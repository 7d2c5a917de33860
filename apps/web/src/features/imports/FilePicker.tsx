import { IMPORT_MAX_BYTES } from '@stockscan/contracts';
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { FormField } from '../../shared/forms/FormField';
import { fileToBase64 } from './import-model';
import { m } from './messages';

export interface PickedFile {
  name: string;
  base64: string;
}

/** One CSV or XLSX file, refused here when over the server's cap. */
export function FilePicker({ onPicked, busy }: { onPicked: (file: PickedFile) => void; busy: boolean }) {
  const t = useT(m);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="card import-file">
      <FormField label={t('file')} hint={t('file_hint')} error={error} className="field">
        {(aria) => (
          <input
            {...aria}
            type="file"
            accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              if (file.size > IMPORT_MAX_BYTES) {
                setError(t('file_too_big'));
                return;
              }
              setError(null);
              onPicked({ name: file.name, base64: await fileToBase64(file) });
            }}
          />
        )}
      </FormField>
    </div>
  );
}
