import { common } from '../i18n/common';
import { useLocale, useT } from '../i18n/i18n';

export function LocaleSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT(common);
  return (
    <label className="locale-switch">
      <span className="sr-only">{t('language')}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'fr')}>
        <option value="fr">FR</option>
        <option value="en">EN</option>
      </select>
    </label>
  );
}
