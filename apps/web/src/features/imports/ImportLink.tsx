import type { ImportKind } from '@stockscan/contracts';
import { Link, useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { useEntitlements } from '../entitlements/useEntitlements';
import { m } from './messages';
import './imports.css';

const PATHS: Record<ImportKind, string> = { receipt: '/app/deliveries/import', sales: '/app/sales/import' };

/** "Import a delivery" / "Import till sales", keeping the screen's service and month; hidden without the plan. */
export function ImportLink({ kind }: { kind: ImportKind }) {
  const t = useT(m);
  const [params] = useSearchParams();
  const { can } = useEntitlements();
  if (!can(kind === 'sales' ? 'stock_variance' : 'stock_control').ok) return null;
  const query = params.toString();
  return (
    <Link className="button import-link" to={query ? `${PATHS[kind]}?${query}` : PATHS[kind]}>
      {t(`title_${kind}`)}
    </Link>
  );
}
