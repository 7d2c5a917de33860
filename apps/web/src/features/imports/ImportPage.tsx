import type { ImportKind, ImportMapping } from '@stockscan/contracts';
import { PLAN_NAMES } from '@stockscan/entitlements';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { billingPath } from '../../shared/links';
import { useEntitlements } from '../entitlements/useEntitlements';
import { ScopeBar, ScopeGate } from '../inventory/scope/ScopeBar';
import type { Service } from '../inventory/scope/service-features';
import { useScope } from '../inventory/scope/useScope';
import { ConfirmImport } from './ConfirmImport';
import { FilePicker, type PickedFile } from './FilePicker';
import { type Choices, initialChoices } from './import-model';
import { MappingSelects } from './MappingSelects';
import { m } from './messages';
import { PreviewLines } from './PreviewLines';
import './imports.css';

/** Upload → columns and lines to check → confirm. Deliveries need Duo+ (`stock_control`), till sales Multi. */
export function ImportPage({ kind }: { kind: ImportKind }) {
  const t = useT(m);
  const scope = useScope();
  const { locale } = useLocale();
  const { can, isPending } = useEntitlements();
  const verdict = can(kind === 'sales' ? 'stock_variance' : 'stock_control');
  return (
    <section className="page import-page">
      <h1>{t(`title_${kind}`)}</h1>
      <p className="muted lead-small">{t(`lead_${kind}`)}</p>
      {!scope.service ? (
        <ScopeGate scope={scope} />
      ) : isPending ? null : verdict.ok ? (
        <>
          <ScopeBar scope={scope} />
          <ImportFlow
            key={`${scope.service.id}-${kind}`}
            kind={kind}
            service={scope.service}
            month={scope.month}
          />
        </>
      ) : (
        <div className="card locked">
          <h2>{t(`locked_title_${kind}`)}</h2>
          <p className="muted">{verdict.message[locale]}</p>
          {verdict.upgrade_to ? (
            <Link className="button button-primary" to={billingPath(verdict.upgrade_to)}>
              {t('locked_action', { plan: PLAN_NAMES[verdict.upgrade_to] })}
            </Link>
          ) : null}
        </div>
      )}
    </section>
  );
}

function ImportFlow({ kind, service, month }: { kind: ImportKind; service: Service; month: string }) {
  const t = useT(m);
  const trpc = useTRPC();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  // A new round empties the file input, so the same file can be picked again.
  const [round, setRound] = useState(0);
  const preview = useMutation(
    trpc.purchasing.imports.preview.mutationOptions({
      onSuccess: (data) => setChoices(initialChoices(data)),
    }),
  );
  const read = (picked: PickedFile, mapping?: ImportMapping) => {
    setFile(picked);
    preview.mutate({
      kind,
      service_id: service.id,
      file_name: picked.name,
      file_base64: picked.base64,
      ...(mapping ? { mapping } : {}),
    });
  };
  const restart = () => {
    setFile(null);
    setRound((n) => n + 1);
    preview.reset();
  };
  const data = preview.data;
  return (
    <div className="import-flow">
      <FilePicker key={round} onPicked={(picked) => read(picked)} busy={preview.isPending} />
      {preview.isPending ? (
        <p className="muted" role="status">
          {t('reading')}
        </p>
      ) : null}
      <ErrorMessage error={preview.error} />
      {data && file ? (
        <>
          <MappingSelects
            key={JSON.stringify(data.mapping)}
            kind={kind}
            preview={data}
            busy={preview.isPending}
            onApply={(mapping) => read(file, mapping)}
          />
          <PreviewLines serviceId={service.id} preview={data} choices={choices} onChoices={setChoices} />
          <ConfirmImport
            key={JSON.stringify(data.mapping) + file.name}
            kind={kind}
            serviceId={service.id}
            month={month}
            file={file}
            preview={data}
            choices={choices}
            onRestart={restart}
          />
        </>
      ) : null}
    </div>
  );
}

export const DeliveryImportPage = () => <ImportPage kind="receipt" />;
export const SalesImportPage = () => <ImportPage kind="sales" />;
