import type { BusinessType } from '@stockscan/contracts';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type Step = 1 | 2 | 3;

/**
 * The onboarding step lives in the URL (`?step=`), so the browser's back button walks the steps; steps 2 and 3
 * need a trade and at least one service, else the page starts over at step 1.
 */
export function useRegisterStep(business: BusinessType | null, hasServices: boolean) {
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('step'));
  const step: Step = business && hasServices && (requested === 2 || requested === 3) ? requested : 1;

  // Each step is a new screen: focus its title (screen readers announce it) and start at the top.
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on step change only
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, [step]);

  function goTo(next: Step, chosen: BusinessType | null = business) {
    setParams((previous) => {
      const updated = new URLSearchParams(previous);
      updated.set('step', String(next));
      if (chosen) updated.set('business_type', chosen);
      return updated;
    });
  }

  return { step, goTo, heading, params };
}
