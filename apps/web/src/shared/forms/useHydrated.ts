import { useEffect, useState } from 'react';

/**
 * False on the first render — the one the build writes into a prerendered page and the browser hydrates — and
 * true once the page's code runs: a prerendered form shows at once but sends nothing before it can.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
