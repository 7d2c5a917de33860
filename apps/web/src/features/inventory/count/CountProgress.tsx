import { useT } from '../../../i18n/i18n';
import { m } from '../messages';
import { CopyPreviousMonth } from './CopyPreviousMonth';

/** How far the month's count is, and (when last month may be read) copying last month's quantities. */
export function CountProgress({
  counted,
  total,
  percent,
  serviceId,
  month,
  canCopyPrevious,
}: {
  counted: number;
  total: number;
  percent: number;
  serviceId: string;
  month: string;
  canCopyPrevious: boolean;
}) {
  const t = useT(m);
  return (
    <div className="count-progress">
      <p>
        <strong>{t('progress', { counted, total })}</strong>
      </p>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={t('progress_label')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={counted}
        aria-valuetext={t('progress', { counted, total })}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {canCopyPrevious ? (
        <CopyPreviousMonth serviceId={serviceId} month={month} prominent={counted === 0} />
      ) : null}
    </div>
  );
}
