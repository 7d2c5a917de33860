import { describe, expect, it } from 'vitest';
import {
  type FieldEvent,
  type FieldState,
  initialField,
  nextField,
  plainText,
  quantityFormat,
} from './guarded-field';

const fr = quantityFormat('fr');
const play = (state: FieldState, ...events: FieldEvent<number>[]) =>
  events.reduce((s, e) => nextField(fr, s, e), state);

describe('a quantity field while other people count', () => {
  it('a refresh arriving mid-typing never overwrites nor loses what is being typed', () => {
    const typing = play(initialField(fr, 3), { type: 'focus' }, { type: 'type', text: '1' });
    // Marc's count of the same line is polled in while Léa is typing "12,5".
    const afterRefresh = play(typing, { type: 'outside', value: 7 }, { type: 'type', text: '12,' });
    expect(afterRefresh.text).toBe('12,');
    const stillTyping = play(afterRefresh, { type: 'outside', value: 8 }, { type: 'type', text: '12,5' });
    expect(stillTyping).toEqual({ text: '12,5', editing: true });
    // Her value is the row's pending line when she leaves the field.
    expect(play(stillTyping, { type: 'blur', value: 12.5 })).toEqual({ text: '12,5', editing: false });
  });

  it('follows values from elsewhere when nobody is typing in it', () => {
    const idle = initialField(fr, undefined);
    expect(idle.text).toBe('');
    expect(play(idle, { type: 'outside', value: 4.25 }).text).toBe('4,25');
    expect(nextField(quantityFormat('en'), idle, { type: 'outside', value: 4.25 }).text).toBe('4.25');
  });

  it('on leaving, shows the count the row holds (someone else’s later one), an emptied field the stored one', () => {
    const typed = play(initialField(fr, 3), { type: 'focus' }, { type: 'type', text: '5' });
    expect(play(typed, { type: 'blur', value: 6 }).text).toBe('6');
    const emptied = play(initialField(fr, 3), { type: 'focus' }, { type: 'type', text: '' });
    expect(play(emptied, { type: 'blur', value: 3 }).text).toBe('3');
  });

  it('keeps an unreadable value for the person to fix', () => {
    const wrong = play(initialField(fr, 3), { type: 'focus' }, { type: 'type', text: '1,2345' });
    expect(play(wrong, { type: 'outside', value: 9 }, { type: 'blur', value: 3 })).toEqual({
      text: '1,2345',
      editing: false,
    });
  });

  it('shows the stepped value at once', () => {
    expect(play(initialField(fr, 2), { type: 'step', value: 3 }).text).toBe('3');
  });

  it('guards a lot number the same way', () => {
    const typing = [{ type: 'focus' }, { type: 'type', text: 'L2' }] as FieldEvent<string | null>[];
    const state = typing.reduce((s, e) => nextField(plainText, s, e), initialField(plainText, 'L1'));
    const refreshed = nextField(plainText, state, { type: 'outside', value: 'L9' });
    expect(refreshed.text).toBe('L2');
    expect(nextField(plainText, refreshed, { type: 'blur', value: 'L2' })).toEqual({
      text: 'L2',
      editing: false,
    });
  });
});
