import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { getSession } from '../lib/session';
import { LocaleSwitch } from './LocaleSwitch';
import { Logo } from './Logo';

export function PublicLayout() {
  const t = useT(common);
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone menu on every navigation
  useEffect(() => setOpen(false), [pathname]);
  const signedIn = getSession() !== null;
  return (
    <div className="public">
      <a className="skip-link" href="#main">
        {t('skip_to_content')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="StockScan">
          <Logo /> <span>StockScan</span>
        </Link>
        <button
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls="public-nav"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('nav_close') : t('nav_menu')}
        </button>
        <nav id="public-nav" className={open ? 'nav nav-open' : 'nav'}>
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
        </nav>
      </header>
      <main id="main">
        <Outlet />
      </main>
      <footer className="footer">
        <Link to="/legal">CGU · Mentions légales</Link>
        <Link to="/status">Status</Link>
      </footer>
    </div>
  );
}
