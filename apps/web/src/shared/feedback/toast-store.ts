import type { ErrorAction } from './described-error';

export type ToastKind = 'error' | 'warn' | 'ok';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  action: ErrorAction | null;
  onRetry?: () => void;
}

export type ToastInput = Omit<Toast, 'id'>;

/** Success and warning toasts leave by themselves; errors stay until dismissed (UX.md). */
const AUTO_DISMISS_MS: Record<ToastKind, number | null> = { ok: 5000, warn: 8000, error: null };
const MAX_TOASTS = 3;

type Listener = () => void;
let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToasts(): readonly Toast[] {
  return toasts;
}

export function dismissToast(id: number): void {
  const timer = timers.get(id);
  if (timer) clearTimeout(timer);
  timers.delete(id);
  if (toasts.some((t) => t.id === id)) emit(toasts.filter((t) => t.id !== id));
}

/** Shows a toast and returns its id. The same message twice in a row is not stacked: it moves to the top. */
export function showToast(input: ToastInput): number {
  const same = toasts.find((t) => t.kind === input.kind && t.message === input.message);
  if (same) dismissToast(same.id);
  const toast: Toast = { ...input, id: nextId++ };
  const kept = [...toasts, toast];
  for (const old of kept.slice(0, Math.max(0, kept.length - MAX_TOASTS))) dismissToast(old.id);
  emit([...toasts, toast]);
  const delay = AUTO_DISMISS_MS[input.kind];
  if (delay !== null)
    timers.set(
      toast.id,
      setTimeout(() => dismissToast(toast.id), delay),
    );
  return toast.id;
}

export const toast = {
  ok: (message: string) => showToast({ kind: 'ok', message, action: null }),
  warn: (message: string) => showToast({ kind: 'warn', message, action: null }),
  error: (message: string) => showToast({ kind: 'error', message, action: null }),
};
