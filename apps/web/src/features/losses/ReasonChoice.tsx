import type { LossReason } from '@stockscan/contracts';
import { useT } from '../../i18n/i18n';
import { m } from './messages';

const REASONS: LossReason[] = ['breakage', 'expired', 'theft', 'free', 'mistake', 'other'];

/** Why the stock was lost: one of the reasons, as large tappable choices. */
export function ReasonChoice({
  name,
  value,
  onChange,
}: {
  name: string;
  value: LossReason;
  onChange: (reason: LossReason) => void;
}) {
  const t = useT(m);
  return (
    <fieldset className="reasons">
      <legend>{t('reason')}</legend>
      <div className="reason-options">
        {REASONS.map((reason) => (
          <label key={reason} className={value === reason ? 'reason reason-on' : 'reason'}>
            <input
              type="radio"
              name={name}
              value={reason}
              checked={value === reason}
              onChange={() => onChange(reason)}
            />
            <span>{t(`reason_${reason}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
