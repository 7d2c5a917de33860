import {
  ASSISTANT_SUGGESTED_QUESTIONS,
  type AssistantAskInput,
  MAX_QUESTION_LENGTH,
  type Month,
} from '@stockscan/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { useEntitlements, useRefreshEntitlements } from '../entitlements/useEntitlements';
import { AssistantAnswer } from './AssistantAnswer';
import { AssistantPaywall } from './AssistantPaywall';
import { AssistantSuggestions } from './AssistantSuggestions';
import { assistantMessages } from './messages';
import { QuestionForm } from './QuestionForm';
import './assistant.css';

/**
 * The assistant on the dashboard: a question (or the month's summary), suggested questions, the answer
 * as findings and next steps. Nothing is asked on mount: each question may spend the month's quota.
 */
export function AssistantPanel({
  serviceId,
  month,
  headingLevel = 2,
}: {
  /** A service id or 'all'; absent = every service the member may see. */
  serviceId?: string;
  /** Absent = the current month. */
  month?: Month;
  headingLevel?: 2 | 3;
}) {
  const t = useT(assistantMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const ent = useEntitlements();
  const refreshEntitlements = useRefreshEntitlements();
  const ids = { title: useId() };
  const [question, setQuestion] = useState('');
  const answerHeading = useRef<HTMLHeadingElement>(null);
  const ask = useMutation({
    ...trpc.assistant.ask.mutationOptions(),
    onSettled: () => void refreshEntitlements(),
  });

  // The answer arrives up to 10 s later: bring it into view and to the screen reader.
  useEffect(() => {
    if (ask.data) answerHeading.current?.focus();
  }, [ask.data]);

  const feature = ent.can('ai_assistant_basic');
  const quota = ent.quotaLeft('ai_request');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const tooLong = question.trim().length > MAX_QUESTION_LENGTH;
  const serverError = fieldErrors(ask.error).question;

  function send(text: string) {
    const input: AssistantAskInput = {
      question: text.trim() || null,
      ...(serviceId ? { service_id: serviceId } : {}),
      ...(month ? { month } : {}),
    };
    ask.mutate(input);
  }

  function retry() {
    if (ask.variables) ask.mutate(ask.variables);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (tooLong || ask.isPending) return;
    send(question);
  }

  const header = (
    <div className="assistant-head">
      <Heading id={ids.title}>
        <span aria-hidden="true" className="assistant-spark">
          ✦
        </span>{' '}
        {t('title')}
      </Heading>
      {feature.ok && ent.data ? (
        <p className="assistant-quota">
          {quota.limit === null
            ? t('quota_unlimited', { used: quota.used })
            : t('quota', { used: quota.used, limit: quota.limit })}
        </p>
      ) : null}
    </div>
  );

  if (!feature.ok || ask.data?.mode === 'paywall') {
    return (
      <section className="card assistant" aria-labelledby={ids.title}>
        {header}
        <AssistantPaywall
          upgradeTo={feature.ok ? null : feature.upgrade_to}
          detail={ask.data?.mode === 'paywall' ? ask.data.message : undefined}
        />
      </section>
    );
  }

  const suggestions = ASSISTANT_SUGGESTED_QUESTIONS[locale];
  const fieldError = tooLong ? t('question_too_long', { max: MAX_QUESTION_LENGTH }) : (serverError ?? null);

  return (
    <section className="card assistant" aria-labelledby={ids.title} aria-busy={ask.isPending}>
      {header}
      <p className="muted assistant-intro">{t('intro')}</p>
      <QuestionForm
        question={question}
        onQuestion={setQuestion}
        error={fieldError}
        pending={ask.isPending}
        quota={quota.verdict}
        onSubmit={submit}
        onSummary={() => {
          setQuestion('');
          send('');
        }}
      />

      {ask.isPending || (ask.error && !serverError) || ask.data ? (
        <div className="assistant-result">
          {ask.isPending ? (
            <div className="assistant-thinking" role="status" aria-live="polite">
              <span className="assistant-dots" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              <p>{t('thinking')}</p>
            </div>
          ) : ask.error && !serverError ? (
            <ErrorMessage error={ask.error} onRetry={retry} onDismiss={ask.reset} />
          ) : ask.data ? (
            <AssistantAnswer answer={ask.data} headingRef={answerHeading} />
          ) : null}
        </div>
      ) : null}
      <AssistantSuggestions
        suggestions={suggestions}
        disabled={ask.isPending || !quota.verdict.ok}
        onAsk={(s) => {
          setQuestion(s);
          send(s);
        }}
      />
    </section>
  );
}
