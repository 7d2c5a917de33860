import type { AssistantInsight, AssistantResponse, InsightSeverity } from '@stockscan/contracts';
import type { Ref } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { assistantMessages } from './messages';

const SEVERITY_ORDER: Record<InsightSeverity, number> = { danger: 0, warning: 1, info: 2 };
const SEVERITY_LABEL = {
  info: 'severity_info',
  warning: 'severity_warning',
  danger: 'severity_danger',
} as const;

/** A shape per severity (circle, triangle, octagon) so the level reads without colour. */
function SeverityIcon({ severity }: { severity: InsightSeverity }) {
  const shape =
    severity === 'info' ? (
      <circle cx="12" cy="12" r="10" />
    ) : severity === 'warning' ? (
      <path d="M12 2.5 22.5 21h-21z" />
    ) : (
      <path d="M8 2h8l6 6v8l-6 6H8l-6-6V8z" />
    );
  return (
    <svg className="insight-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <g fill="currentColor">{shape}</g>
      {severity === 'info' ? (
        <g fill="#fff">
          <rect x="11" y="10" width="2" height="7" rx="1" />
          <circle cx="12" cy="7" r="1.3" />
        </g>
      ) : (
        <g fill="#fff">
          <rect x="11" y={severity === 'warning' ? 9 : 6.5} width="2" height="6.5" rx="1" />
          <circle cx="12" cy={severity === 'warning' ? 18 : 16.5} r="1.3" />
        </g>
      )}
    </svg>
  );
}

function InsightCard({ insight }: { insight: AssistantInsight }) {
  const t = useT(assistantMessages);
  return (
    <li className={`insight insight-${insight.severity}`}>
      <SeverityIcon severity={insight.severity} />
      <div>
        <p className="insight-title">
          <span className="insight-level">{t(SEVERITY_LABEL[insight.severity])}</span>
          <span className="sr-only"> : </span>
          <strong>{insight.title}</strong>
        </p>
        <p className="insight-text">{insight.description}</p>
      </div>
    </li>
  );
}

/** The answer: who wrote it (AI or the automatic summary), the message, findings by severity, next steps. */
export function AssistantAnswer({
  answer,
  headingRef,
}: {
  answer: AssistantResponse;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const t = useT(assistantMessages);
  const insights = [...answer.insights].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const fallback = answer.mode === 'fallback';
  return (
    <article className="assistant-answer" aria-labelledby="assistant-answer-title">
      <p className={fallback ? 'assistant-mode assistant-mode-fallback' : 'assistant-mode'}>
        {fallback ? t('mode_fallback') : t('mode_ai')}
      </p>
      <h3 id="assistant-answer-title" ref={headingRef} tabIndex={-1}>
        {answer.question ? t('your_question', { q: answer.question }) : t('summary_of_month')}
      </h3>
      {fallback ? (
        <p className="muted assistant-fallback-note">
          {answer.enabled ? t('fallback_failed') : t('fallback_off')}
        </p>
      ) : null}
      <p className="assistant-message">{answer.message}</p>
      {insights.length > 0 ? (
        <>
          <h4>{t('insights')}</h4>
          <ul className="insights">
            {insights.map((insight) => (
              <InsightCard
                key={`${insight.severity}-${insight.title}-${insight.description}`}
                insight={insight}
              />
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('no_insights')}</p>
      )}
      {answer.actions.length > 0 ? (
        <>
          <h4>{t('actions')}</h4>
          <ul className="assistant-actions">
            {answer.actions.map((action) => (
              <li key={`${action.href ?? ''}-${action.label}`}>
                {action.href ? (
                  <Link className="button button-ghost" to={action.href}>
                    {action.label}
                    <span aria-hidden="true"> →</span>
                  </Link>
                ) : (
                  <span className="assistant-todo">{action.label}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
