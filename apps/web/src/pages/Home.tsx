import { Link } from 'react-router';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';

/** Placeholder until the dashboard lands: where to go next. */
export function Home() {
  const t = useT(common);
  return (
    <section className="page">
      <h1>{t('nav_dashboard')}</h1>
      <p>
        <Link className="button button-primary" to="/app/inventory">
          {t('nav_inventory')}
        </Link>
      </p>
    </section>
  );
}
