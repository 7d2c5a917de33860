import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { AppRoutes } from './app/routes';
import { LocaleProvider } from './i18n/i18n';
import { getLocale } from './i18n/locale';
import { getSession } from './lib/session';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
const app = (
  <StrictMode>
    <LocaleProvider>
      <AppRoutes />
    </LocaleProvider>
  </StrictMode>
);
// The build wrote this page's first render into the HTML (prerender-pages.ts): French, signed out, no query. A
// visitor who gets exactly that has it hydrated; anyone else gets a fresh render.
const prerendered =
  root.dataset.page === location.pathname &&
  location.search === '' &&
  getLocale() === 'fr' &&
  getSession() === null;
// A transition: the first render (or hydration, which is otherwise one blocking piece of work) yields to the
// browser every few ms instead of blocking it in one long task.
startTransition(() => {
  if (prerendered) hydrateRoot(root, app);
  else createRoot(root).render(app);
});
