import { type Action, can } from '@stockscan/entitlements';
import { lazy, Suspense } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { common } from '../i18n/common';
import { useT } from '../i18n/i18n';
import { Toaster } from '../shared/feedback/Toaster';
import { endedByLogout, useLogout } from '../shared/session/session-actions';
import { useCurrentRole } from '../shared/session/useCurrentRole';
import { useSignedIn } from '../shared/session/useSignedIn';
import { LocaleSwitch } from './LocaleSwitch';
import { TopBar } from './TopBar';

const TenantSwitcher = lazy(() =>
  import('../shared/session/TenantSwitcher').then((m) => ({ default: m.TenantSwitcher })),
);
// What was typed offline is sent from app start on (not only when the count screen opens), and listed.
const OfflineDock = lazy(() =>
  import('../features/offline/OfflineDock').then((m) => ({ default: m.OfflineDock })),
);
// Lazy: the plan logic stays out of the landing page's initial JS; the banner needs a request anyway.
const EntitlementBanners = lazy(() =>
  import('../features/entitlements/EntitlementBanners').then((m) => ({ default: m.EntitlementBanners })),
);

const NAV = [
  ['/app', 'nav_dashboard'],
  ['/app/inventory', 'nav_inventory'],
  ['/app/products', 'nav_products'],
  ['/app/losses', 'nav_losses'],
  ['/app/deliveries', 'nav_deliveries'],
  ['/app/transfers', 'nav_transfers'],
  ['/app/orders', 'nav_orders'],
  ['/app/consumption', 'nav_consumption'],
  ['/app/review', 'nav_review'],
  ['/app/exports', 'nav_exports'],
  ['/app/team', 'nav_team'],
  ['/app/settings', 'nav_settings'],
] as const;

/** Entries a role may not use are hidden (the pages explain it if opened by link). */
const NAV_ACTION: Partial<Record<(typeof NAV)[number][0], Action>> = {
  '/app/team': 'team.manage',
  '/app/review': 'month.review',
};

/** The signed-in shell: top bar on desktop, bottom tab bar + menu on a phone. */
export function AppLayout() {
  const t = useT(common);
  const location = useLocation();
  const logout = useLogout();
  // Follows the session: a refused refresh or a logout in another tab lands on the login page.
  const signedIn = useSignedIn();
  const { role } = useCurrentRole(signedIn);
  const nav = NAV.filter(([to]) => {
    const action = NAV_ACTION[to];
    return action === undefined || can(role, action);
  });
  if (!signedIn) {
    const next = `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={endedByLogout() ? '/login' : next} replace />;
  }
  return (
    <div className="app">
      <TopBar home="/app" navId="app-nav">
        {nav.map(([to, key]) => (
          <NavLink key={to} to={to} end={to === '/app'}>
            {t(key)}
          </NavLink>
        ))}
        <span className="nav-tools">
          <Suspense fallback={null}>
            <TenantSwitcher />
          </Suspense>
          <LocaleSwitch />
          <button type="button" className="link-button" onClick={logout}>
            {t('nav_logout')}
          </button>
        </span>
      </TopBar>
      <div id="banners">
        <Suspense fallback={null}>
          <EntitlementBanners />
        </Suspense>
        <Suspense fallback={null}>
          <OfflineDock />
        </Suspense>
      </div>
      <main id="main" className="app-main">
        <Outlet />
      </main>
      <nav className="tabbar" aria-label={t('nav_menu')}>
        {nav.slice(0, 4).map(([to, key]) => (
          <NavLink key={to} to={to} end={to === '/app'}>
            {t(key)}
          </NavLink>
        ))}
      </nav>
      <Toaster />
    </div>
  );
}
