import { useEffect, useState } from 'react';

/** Only a path of this site: `?next=//evil.example` must not take the user away after login. */
export function safeNext(next: string | null, fallback = '/app'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** Seconds left until `until` (epoch ms), ticking every second; 0 once passed or when null. */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
