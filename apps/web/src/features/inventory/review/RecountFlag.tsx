import type { RecountRequest } from '@stockscan/contracts';
import { useT } from '../../../i18n/i18n';
import { m } from './messages';
import './review.css';

/** On a count row: a manager asked, while reviewing the month, for this product to be counted again. */
export function RecountFlag({ recount }: { recount: RecountRequest | null | undefined }) {
  const t = useT(m);
  if (!recount) return null;
  return (
    <span className="recount-flag">
      {recount.requested_by_name
        ? t('recount_flag_by', { name: recount.requested_by_name })
        : t('recount_flag')}
    </span>
  );
}
