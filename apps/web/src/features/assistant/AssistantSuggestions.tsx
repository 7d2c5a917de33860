import { useT } from '../../i18n/i18n';
import { assistantMessages } from './messages';

/** Questions to ask in one tap (each one is sent at once). */
export function AssistantSuggestions({
  suggestions,
  disabled,
  onAsk,
}: {
  suggestions: readonly string[];
  disabled: boolean;
  onAsk: (question: string) => void;
}) {
  const t = useT(assistantMessages);
  if (suggestions.length === 0) return null;
  return (
    <div className="assistant-suggestions">
      <p className="assistant-suggestions-title">{t('suggestions')}</p>
      <ul>
        {suggestions.map((s) => (
          <li key={s}>
            <button type="button" className="assistant-chip" disabled={disabled} onClick={() => onAsk(s)}>
              {s}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
