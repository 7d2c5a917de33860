/** The shelf list being edited: plain functions, each returning a new list. */
export interface ShelfItem {
  product_id: string;
  name: string;
}

/** Moves the item at `index` one step (−1 up, +1 down); at an end, nothing moves. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target] as T, next[index] as T];
  return next;
}

/** Adds a product at the end of the shelves, once. */
export function addItem(items: readonly ShelfItem[], item: ShelfItem): ShelfItem[] {
  return items.some((i) => i.product_id === item.product_id) ? [...items] : [...items, item];
}

export function removeItem(items: readonly ShelfItem[], productId: string): ShelfItem[] {
  return items.filter((i) => i.product_id !== productId);
}

/** Whether the edited list differs from the saved one (order included). */
export function isChanged(saved: readonly ShelfItem[], edited: readonly ShelfItem[]): boolean {
  return saved.length !== edited.length || saved.some((item, i) => item.product_id !== edited[i]?.product_id);
}
