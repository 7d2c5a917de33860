import { MAX_QUESTION_LENGTH } from '@stockscan/contracts';
import type { Verdict } from '@stockscan/entitlements';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { FormField } from '../../shared/forms/FormField';
import { GatedButton } from '../entitlements/GatedButton';
import { assistantMessages } from './messages';

/** The question (Enter sends, Shift+Enter goes to the line), "ask" and "the month's summary". */
export function QuestionForm({
  question,
  onQuestion,
  error,
  pending,
  quota,
  onSubmit,
  onSummary,
}: {
  question: string;
  onQuestion: (question: string) => void;
  error: string | null;
  pending: boolean;
  quota: Verdict;
  onSubmit: (event: FormEvent) => void;
  onSummary: () => void;
}) {
  const t = useT(assistantMessages);
  return (
    <form onSubmit={onSubmit} className="assistant-form" noValidate>
      <FormField
        label={t('question')}
        hint={t('question_count', { n: question.length, max: MAX_QUESTION_LENGTH })}
        hintClassName="muted assistant-count"
        error={error}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={2}
            maxLength={MAX_QUESTION_LENGTH}
            value={question}
            placeholder={t('question_placeholder')}
            disabled={pending}
            onChange={(e) => onQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
        )}
      </FormField>
      <div className="assistant-buttons">
        <GatedButton verdict={quota} type="submit" busy={pending || !question.trim()}>
          {t('ask')}
        </GatedButton>
        <button
          type="button"
          className="button button-ghost"
          disabled={pending || !quota.ok}
          onClick={onSummary}
        >
          {t('summary')}
        </button>
      </div>
    </form>
  );
}
