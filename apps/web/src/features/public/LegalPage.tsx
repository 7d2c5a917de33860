import type { LegalIdentity } from '@stockscan/contracts';
import { PLAN_NAMES } from '@stockscan/entitlements';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { format, useLocale } from '../../i18n/i18n';
import { startingPlan } from '../../shared/config/starting-plan';
import { usePublicConfig } from '../../shared/config/usePublicConfig';
import { IDENTITY_FIELDS, LEGAL, LEGAL_UPDATED, type LegalSection } from './legal-content';
import './public.css';

export function LegalPage() {
  const { locale } = useLocale();
  const text = LEGAL[locale];
  const { hash } = useLocation();
  const config = usePublicConfig();
  const loading = config.isFetching && !config.data;
  // The page arrives lazily, after the browser gave up on the anchor: jump to /legal#mentions ourselves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: again once the text is there
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash, loading]);
  if (loading) return <div aria-busy="true" />;
  const start = config.data ? startingPlan(config.data, locale) : null;
  const trial = start
    ? format(start.trialDays ? text.trial : text.trial_free, start.vars)
    : format(text.trial_unknown, { free: PLAN_NAMES.ESSENTIEL });
  const date = new Date(`${LEGAL_UPDATED}T12:00:00Z`).toLocaleDateString(
    locale === 'fr' ? 'fr-FR' : 'en-GB',
    { day: 'numeric', month: 'long', year: 'numeric' },
  );
  return (
    <article className="page legal">
      <h1>{text.title}</h1>
      <p className="lead">{text.intro}</p>
      <p className="muted">{format(text.updated, { date })}</p>
      {text.prevails ? <p className="muted">{text.prevails}</p> : null}
      <nav className="legal-toc" aria-label={text.toc}>
        <a href="#cgu">{text.terms_title}</a>
        <a href="#mentions">{text.notice_title}</a>
      </nav>
      <section id="cgu" aria-labelledby="cgu-title">
        <h2 id="cgu-title">{text.terms_title}</h2>
        {text.terms.map((section) => (
          <Section key={section.id} section={section} vars={{ trial }} />
        ))}
      </section>
      <section id="mentions" aria-labelledby="mentions-title">
        <h2 id="mentions-title">{text.notice_title}</h2>
        <Identity identity={config.data?.legal} labels={text.identity} onRequest={text.on_request} />
        {text.notice.map((section) => (
          <Section key={section.id} section={section} />
        ))}
      </section>
    </article>
  );
}

/** The publisher identity the server is configured with (LCEN); unset fields are left out. */
function Identity({
  identity,
  labels,
  onRequest,
}: {
  identity: LegalIdentity | undefined;
  labels: Record<keyof LegalIdentity, string>;
  onRequest: string;
}) {
  const filled = IDENTITY_FIELDS.flatMap((key) => {
    const value = identity?.[key];
    return value ? [{ key, value }] : [];
  });
  if (filled.length === 0) return <p>{onRequest}</p>;
  return (
    <dl className="legal-identity">
      {filled.map(({ key, value }) => (
        <div key={key}>
          <dt>{labels[key]}</dt>
          <dd>{key === 'contact_email' ? <a href={`mailto:${value}`}>{value}</a> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ section, vars }: { section: LegalSection; vars?: Record<string, string> }) {
  return (
    <section id={section.id} aria-labelledby={`${section.id}-title`}>
      <h3 id={`${section.id}-title`}>{section.title}</h3>
      {section.paragraphs.map((p) => (
        <p key={p}>{format(p, vars)}</p>
      ))}
    </section>
  );
}
