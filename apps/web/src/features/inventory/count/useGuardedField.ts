import { useEffect, useReducer } from 'react';
import { type FieldEvent, type FieldFormat, type FieldState, initialField, nextField } from './guarded-field';

/**
 * A row's text field that follows the row's value from elsewhere — except while the person types in it.
 * Wire `focus`, `blur` and `type` to the input's events.
 */
export function useGuardedField<V>(value: V | undefined, format: FieldFormat<V>) {
  const [state, dispatch] = useReducer(
    (current: FieldState, event: FieldEvent<V>) => nextField(format, current, event),
    undefined,
    () => initialField(format, value),
  );
  useEffect(() => {
    dispatch({ type: 'outside', value });
  }, [value]);
  return {
    text: state.text,
    focus: () => dispatch({ type: 'focus' }),
    blur: () => dispatch({ type: 'blur', value }),
    type: (text: string) => dispatch({ type: 'type', text }),
    step: (next: V) => dispatch({ type: 'step', value: next }),
  };
}
