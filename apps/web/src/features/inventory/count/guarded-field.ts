import type { Locale } from '@stockscan/contracts';
import { parseDecimal, qtyInputValue } from '../scope/format';

/**
 * The text of a row's field (the quantity, the lot) and whether the person is in it. Values from elsewhere
 * (another person's count polled in, a save confirmed, another tab) replace the text only while the field is
 * not being typed in: a refresh never takes a keystroke away.
 */
export interface FieldState {
  text: string;
  editing: boolean;
}

/** How a field writes its value and which texts it cannot read back. */
export interface FieldFormat<V> {
  show(value: V | undefined): string;
  unreadable(text: string): boolean;
}

export type FieldEvent<V> =
  | { type: 'focus' }
  | { type: 'type'; text: string }
  /** The − / + buttons: the new value, already saved. */
  | { type: 'step'; value: V }
  /** The row's value changed (pending, confirmed or someone else's). */
  | { type: 'outside'; value: V | undefined }
  /** Leaving the field, with the row's value at that moment. */
  | { type: 'blur'; value: V | undefined };

export function quantityFormat(locale: Locale): FieldFormat<number> {
  return {
    show: (quantity) => (quantity === undefined ? '' : qtyInputValue(locale, quantity)),
    unreadable: (text) => text.trim() !== '' && parseDecimal(text) === null,
  };
}

/** Free text (a lot number): every text reads back. */
export const plainText: FieldFormat<string | null> = {
  show: (value) => value ?? '',
  unreadable: () => false,
};

export function initialField<V>(format: FieldFormat<V>, value: V | undefined): FieldState {
  return { text: format.show(value), editing: false };
}

export function nextField<V>(format: FieldFormat<V>, state: FieldState, event: FieldEvent<V>): FieldState {
  switch (event.type) {
    case 'focus':
      return { ...state, editing: true };
    case 'type':
      return { ...state, text: event.text };
    case 'step':
      return { ...state, text: format.show(event.value) };
    case 'outside':
      return state.editing ? state : { ...state, text: format.show(event.value) };
    case 'blur':
      // An unreadable value stays (with its error) for the person to fix; anything else shows what the row
      // holds now — the value just typed, or someone else's later count that the server kept.
      if (format.unreadable(state.text)) return { ...state, editing: false };
      return { editing: false, text: format.show(event.value) };
  }
}
