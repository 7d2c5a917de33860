import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { format, useLocale } from '../../i18n/i18n';
import { LEGAL, LEGAL_IDENTITY, LEGAL_UPDATED, type LegalSection } from './legal-content';
import './public.css';

const IDENTITY_KEYS = Object.keys(LEGAL_IDENTITY) as (keyof typeof LEGAL_IDENTITY)[];
const filled = IDENTITY_KEYS.filter((key) => LEGAL_IDENTITY[key] !== '');

export function LegalPage() {
  const { locale } = useLocale();
  const text = LEGAL[locale];
  const { hash } = useLocation();
  // The page arrives lazily, after the browser gave up on the anchor: jump to /legal#mentions ourselves.
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);
  const date = new Date(`${LEGAL_UPDATED}T12:00:00Z`).toLocaleDateString(
    locale === 'fr' ? 'fr-FR' : 'en-GB',
    {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    },
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
          <Section key={section.id} section={section} />
        ))}
      </section>
      <section id="mentions" aria-labelledby="mentions-title">
        <h2 id="mentions-title">{text.notice_title}</h2>
        {filled.length > 0 ? (
          <dl className="legal-identity">
            {filled.map((key) => (
              <div key={key}>
                <dt>{text.identity[key]}</dt>
                <dd>
                  {key === 'email' ? (
                    <a href={`mailto:${LEGAL_IDENTITY.email}`}>{LEGAL_IDENTITY.email}</a>
                  ) : (
                    LEGAL_IDENTITY[key]
                  )}
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p>{text.on_request}</p>
        )}
        {text.notice.map((section) => (
          <Section key={section.id} section={section} />
        ))}
      </section>
    </article>
  );
}

function Section({ section }: { section: LegalSection }) {
  return (
    <section id={section.id} aria-labelledby={`${section.id}-title`}>
      <h3 id={`${section.id}-title`}>{section.title}</h3>
      {section.paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </section>
  );
}
