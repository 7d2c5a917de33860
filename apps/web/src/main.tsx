import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoutes } from './app/routes';
import { LocaleProvider } from './i18n/i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
// A transition: the first render yields to the browser every few ms instead of blocking it in one long task.
startTransition(() =>
  createRoot(root).render(
    <StrictMode>
      <LocaleProvider>
        <AppRoutes />
      </LocaleProvider>
    </StrictMode>,
  ),
);
