import { Link, NavLink, Outlet } from 'react-router';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { getSession } from '../lib/session';
import { PublicToaster } from '../shared/feedback/PublicToaster';
import { LocaleSwitch } from './LocaleSwitch';
import { TopBar } from './TopBar';

export function PublicLayout() {
  const t = useT(common);
  const signedIn = getSession() !== null;
  return (
    <div className="public">
      <TopBar home="/" navId="public-nav">
        <NavLink to="/pricing">{t('nav_pricing')}</NavLink>
        {signedIn ? (
          <NavLink to="/app" className="button button-primary">
            {t('nav_dashboard')}
          </NavLink>
        ) : (
          <>
            <NavLink to="/login">{t('nav_login')}</NavLink>
            <NavLink to="/register" className="button button-primary">
              {t('nav_register')}
            </NavLink>
          </>
        )}
        <LocaleSwitch />
      </TopBar>
      <main id="main">
        <Outlet />
      </main>
      <footer className="footer">
        <Link to="/legal">CGU · Mentions légales</Link>
        <Link to="/status">Status</Link>
      </footer>
      <PublicToaster />
    </div>
  );
}
