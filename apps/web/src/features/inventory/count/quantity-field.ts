import type { Locale } from '@stockscan/contracts';
import { parseDecimal, qtyInputValue } from '../scope/format';

/**
 * The text of a row's quantity field and whether the person is in it. Values from elsewhere (another
 * person's count polled in, a save confirmed, another tab) replace the text only while the field is not
 * being typed in: a refresh never takes a keystroke away.
 */
export interface FieldState {
  text: string;
  editing: boolean;
}

export type FieldEvent =
  | { type: 'focus' }
  | { type: 'type'; text: string }
  /** The − / + buttons: the new value, already saved. */
  | { type: 'step'; quantity: number }
  /** The row's quantity changed (pending, confirmed or someone else's). */
  | { type: 'outside'; quantity: number | undefined }
  /** Leaving the field, with the row's quantity at that moment. */
  | { type: 'blur'; quantity: number | undefined };

const shown = (locale: Locale, quantity: number | undefined) =>
  quantity === undefined ? '' : qtyInputValue(locale, quantity);

export function initialField(locale: Locale, quantity: number | undefined): FieldState {
  return { text: shown(locale, quantity), editing: false };
}

export function nextField(locale: Locale, state: FieldState, event: FieldEvent): FieldState {
  switch (event.type) {
    case 'focus':
      return { ...state, editing: true };
    case 'type':
      return { ...state, text: event.text };
    case 'step':
      return { ...state, text: shown(locale, event.quantity) };
    case 'outside':
      return state.editing ? state : { ...state, text: shown(locale, event.quantity) };
    case 'blur': {
      // An unreadable value stays (with its error) for the person to fix; anything else shows what the row
      // holds now — the value just typed, or someone else's later count that the server kept.
      const unreadable = state.text.trim() !== '' && parseDecimal(state.text) === null;
      if (unreadable) return { ...state, editing: false };
      return { editing: false, text: shown(locale, event.quantity) };
    }
  }
}
