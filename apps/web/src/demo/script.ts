/** The tour, one step per caption; it loops. */
export type Step =
  | { scene: 'count'; phase: 'list' | 'typing' | 'typed' | 'fourth' | 'fourth_done' }
  | { scene: 'dashboard'; phase: 'value' | 'alerts' }
  | { scene: 'export'; phase: 'press' | 'ready' };

export const STEPS: readonly Step[] = [
  { scene: 'count', phase: 'list' },
  { scene: 'count', phase: 'typing' },
  { scene: 'count', phase: 'typed' },
  { scene: 'count', phase: 'fourth' },
  { scene: 'count', phase: 'fourth_done' },
  { scene: 'dashboard', phase: 'value' },
  { scene: 'dashboard', phase: 'alerts' },
  { scene: 'export', phase: 'press' },
  { scene: 'export', phase: 'ready' },
];

/** Time on each step while playing: long enough to read the caption. */
export const STEP_MS = [2600, 1400, 2600, 2400, 2800, 3000, 3000, 1800, 3000] as const;
