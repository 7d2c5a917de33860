/** Radio buttons as big tappable cards: a fieldset with its legend, one label per option. */
export function ChoiceGroup<V extends string>({
  legend,
  name,
  value,
  onChange,
  options,
  compact = false,
}: {
  legend: string;
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: { value: V; label: string; hint?: string }[];
  /** Side by side even on a phone (short labels). */
  compact?: boolean;
}) {
  return (
    <fieldset className={compact ? 'choice-group choice-group-compact' : 'choice-group'}>
      <legend>{legend}</legend>
      <div className="choice-options">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span className="choice-text">
              <span className="choice-label">{option.label}</span>
              {option.hint ? <span className="choice-hint">{option.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
