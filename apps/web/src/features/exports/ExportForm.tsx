import type { ExportFormat, ExportMode, ExportRequestInput, Month, ServiceView } from '@stockscan/contracts';
import type { Verdict } from '@stockscan/entitlements';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { GatedButton } from '../entitlements/GatedButton';
import { useEntitlements } from '../entitlements/useEntitlements';
import { ChoiceGroup } from './ChoiceGroup';
import { DownloadStatus } from './DownloadStatus';
import { EmailExport } from './EmailExport';
import { exportMessages } from './messages';
import { monthChoices, oldestReadableMonth } from './months';
import { offeredPeriod, type Period, PeriodPicker } from './PeriodPicker';
import { QuotaSummary } from './QuotaSummary';
import { isBusy, useExportDownload } from './useExportDownload';

const FEATURE_OF = { xlsx: 'exports_xlsx', csv: 'exports_basic' } as const;
const QUOTA_OF = { xlsx: 'export_xlsx', csv: 'export_csv' } as const;

function firstRefusal(...verdicts: Verdict[]): Verdict {
  return verdicts.find((v) => !v.ok) ?? { ok: true };
}

/** Service, period, format and containers, then the download (and for PRO the email). */
export function ExportForm({
  services,
  userEmail,
  emailVerified,
}: {
  services: ServiceView[];
  userEmail: string;
  /** Mailing a file out needs a confirmed address (403 EMAIL_NOT_VERIFIED otherwise). */
  emailVerified: boolean;
}) {
  const t = useT(exportMessages);
  const ent = useEntitlements();
  const download = useExportDownload();
  const serviceId = useId();

  const months = useMemo(() => monthChoices(oldestReadableMonth(ent.data)), [ent.data]);
  const latest = months[0] as Month;
  const [service, setService] = useState<string>('all');
  const [periodState, setPeriod] = useState<Period>({
    kind: 'month',
    month: latest,
    from: months[1] ?? latest,
    to: latest,
  });
  const period = offeredPeriod(periodState, months);
  const { month, from, to } = period;
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [mode, setMode] = useState<ExportMode>('all');

  const chosen = service === 'all' ? services : services.filter((s) => s.id === service);
  const tracksOpened = chosen.some((s) => s.features.open_container_tracking?.enabled);
  const rangeWrong = period.kind === 'range' && from > to;
  const historyDays = ent.data?.limits.history_days ?? null;

  const request: ExportRequestInput = {
    service,
    format,
    mode: tracksOpened ? mode : 'all',
    ...(period.kind === 'month' ? { month } : { from, to }),
  };
  const quotas = { xlsx: ent.quotaLeft(QUOTA_OF.xlsx), csv: ent.quotaLeft(QUOTA_OF.csv) };
  const verdict = firstRefusal(ent.can(FEATURE_OF[format]), quotas[format].verdict);
  const busy = isBusy(download.phase);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (rangeWrong || busy || !verdict.ok) return;
    void download.start(request);
  }

  return (
    <div className="export-layout">
      {/* Before the plan is known the quotas would read "unlimited": show them once they are real. */}
      {ent.data ? <QuotaSummary quotas={quotas} /> : null}
      <form className="card export-form" onSubmit={submit} aria-labelledby="export-form-title" noValidate>
        <h2 id="export-form-title">{t('form_title')}</h2>
        {services.length > 1 ? (
          <>
            <label htmlFor={serviceId}>{t('service')}</label>
            <select id={serviceId} value={service} onChange={(e) => setService(e.target.value)}>
              <option value="all">{t('all_services')}</option>
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </>
        ) : (
          <p className="export-single">
            <span className="muted">{t('service')} :</span> <strong>{services[0]?.name}</strong>
          </p>
        )}

        <PeriodPicker
          months={months}
          period={period}
          onPeriod={setPeriod}
          rangeWrong={rangeWrong}
          historyDays={historyDays}
        />

        <ChoiceGroup
          legend={t('format')}
          name="format"
          value={format}
          onChange={setFormat}
          options={[
            {
              value: 'xlsx',
              label: t('format_xlsx'),
              hint: ent.can('reports_advanced').ok
                ? `${t('format_xlsx_hint')} ${t('format_xlsx_summary')}`
                : t('format_xlsx_hint'),
            },
            { value: 'csv', label: t('format_csv'), hint: t('format_csv_hint') },
          ]}
        />

        {tracksOpened ? (
          <ChoiceGroup
            legend={t('mode')}
            name="mode"
            value={mode}
            onChange={setMode}
            options={[
              { value: 'all', label: t('mode_all'), hint: t('mode_all_hint') },
              { value: 'sealed', label: t('mode_sealed'), hint: t('mode_sealed_hint') },
              { value: 'opened', label: t('mode_opened'), hint: t('mode_opened_hint') },
            ]}
          />
        ) : null}

        <div className="export-actions">
          <GatedButton
            verdict={verdict}
            type="submit"
            busy={busy || rangeWrong}
            className="button button-primary button-large"
          >
            {format === 'xlsx' ? t('download_xlsx') : t('download_csv')}
          </GatedButton>
        </div>
        <DownloadStatus
          phase={download.phase}
          onCancel={download.cancel}
          onRetry={download.retry}
          onDismiss={download.dismiss}
        />
      </form>
      <EmailExport
        request={request}
        feature={ent.can('exports_email')}
        quota={verdict}
        defaultEmail={userEmail}
        emailVerified={emailVerified}
        blocked={rangeWrong}
      />
    </div>
  );
}
