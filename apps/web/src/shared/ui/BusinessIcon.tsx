import type { BusinessType } from '@stockscan/contracts';

/** Line icons drawn inline: emoji fonts are missing on some devices, and images would cost a request. */
const PATHS: Record<BusinessType, string> = {
  grocery: 'M3 9h18l-2 10H5zM8 9l3-5M16 9l-3-5M9 13v3M15 13v3',
  retail: 'M8 4 3 7l2 4 3-1v10h8V10l3 1 2-4-5-3c0 2-2 3-4 3S8 6 8 4z',
  bar: 'M5 4h14l-7 8zM12 12v7M8 20h8',
  restaurant: 'M4 10h16M6 10v7a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2v-7M9 7c0-1 1-1.5 1-3M14 7c0-1 1-1.5 1-3',
  bakery: 'M4 13a4 4 0 0 1 2-7h12a4 4 0 0 1 2 7v6H4zM9 9l-1 3M13 9l-1 3M17 9l-1 3',
  pharmacy: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  camping_multi: 'M3 20 12 4l9 16zM9 20l3-6 3 6M2 20h20',
  other: 'M4 8l8-4 8 4v8l-8 4-8-4zM4 8l8 4 8-4M12 12v8',
};

/** The trade's line icon (onboarding, landing). */
export function BusinessIcon({
  type,
  size = 32,
  className = 'business-icon',
}: {
  type: BusinessType;
  size?: number;
  className?: string;
}) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[type]} />
    </svg>
  );
}
