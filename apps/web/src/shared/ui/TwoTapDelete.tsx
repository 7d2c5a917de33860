import { useEffect, useState } from 'react';

/** A delete button that asks for a second tap (reset after 5 s), so a stray tap on a phone deletes nothing. */
export function TwoTapDelete({
  label,
  confirmLabel,
  ariaLabel,
  pending,
  onConfirm,
}: {
  label: string;
  confirmLabel: string;
  /** What the first tap would delete, for screen readers. */
  ariaLabel?: string;
  pending: boolean;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (!confirming) return;
    const timer = setTimeout(() => setConfirming(false), 5000);
    return () => clearTimeout(timer);
  }, [confirming]);
  return (
    <button
      type="button"
      className={confirming ? 'button button-danger' : 'button button-ghost'}
      disabled={pending}
      aria-label={confirming ? confirmLabel : ariaLabel}
      onClick={() => (confirming ? onConfirm() : setConfirming(true))}
    >
      {confirming ? confirmLabel : label}
    </button>
  );
}
