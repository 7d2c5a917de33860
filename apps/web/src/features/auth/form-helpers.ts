import { useEffect, useState, useSyncExternalStore } from 'react';
import { getSession, onSessionChange } from '../../lib/session';

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The first message of each field from zod issues (`extra_services.1.name` for nested ones). */
export function issuesByField(issues: readonly IssueLike[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = issue.path.map(String).join('.') || '_';
    fields[name] ??= issue.message;
  }
  return fields;
}

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

/** Re-renders when this tab or another logs in or out. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(onSessionChange, () => getSession() !== null);
}

/** After a refused submit, the first field in error gets the focus (and is scrolled to) once rendered. */
export function focusFirstInvalid(form: Element | null | undefined): void {
  requestAnimationFrame(() => {
    const target = (form ?? document).querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  });
}
