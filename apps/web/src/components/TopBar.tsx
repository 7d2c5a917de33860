import { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { Logo } from './Logo';

/** Skip link + brand + navigation that folds into a "Menu" button on a phone (closed again on navigation). */
export function TopBar({ home, navId, children }: { home: string; navId: string; children: ReactNode }) {
  const t = useT(common);
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone menu on every navigation
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip_to_content')}
      </a>
      <header className="topbar">
        <Link to={home} className="brand" aria-label="StockScan">
          <Logo /> <span>StockScan</span>
        </Link>
        <button
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls={navId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('nav_close') : t('nav_menu')}
        </button>
        <nav id={navId} className={open ? 'nav nav-open' : 'nav'}>
          {children}
        </nav>
      </header>
    </>
  );
}
