import { Link } from 'react-router';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';

export function NotFound() {
  const t = useT(common);
  return (
    <section className="page narrow">
      <h1>{t('not_found_title')}</h1>
      <p>
        <Link to="/">{t('not_found_back')}</Link>
      </p>
    </section>
  );
}
