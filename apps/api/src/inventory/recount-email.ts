import type { Locale } from '@stockscan/contracts';
import type { Db } from '@stockscan/db';
import { userLocale } from '../auth/emails';
import type { Deps } from '../deps';
import type { MailMessage } from '../integrations/sendgrid';
import type { Actor } from '../request/actor';

export interface RecountFacts {
  to: string;
  counter: string;
  manager: string;
  product: string;
  service: string;
  /** 'YYYY-MM' */
  month: string;
  link: string;
}

const monthWords = (locale: Locale, month: string) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

/** "Recompter" by e-mail, in the counter's language (French unless they chose English). */
export function recountEmail(facts: RecountFacts, locale: Locale): MailMessage {
  const month = monthWords(locale, facts.month);
  if (locale === 'en')
    return {
      to: facts.to,
      subject: `To recount: ${facts.product} (${facts.service}, ${month})`,
      text: [
        `Hello ${facts.counter},`,
        '',
        `${facts.manager} is reviewing ${month} and asks you to count “${facts.product}” again (${facts.service}).`,
        `It is flagged on your count screen: ${facts.link}`,
      ].join('\n'),
    };
  return {
    to: facts.to,
    subject: `À recompter : ${facts.product} (${facts.service}, ${month})`,
    text: [
      `Bonjour ${facts.counter},`,
      '',
      `${facts.manager} revoit l’inventaire de ${month} et vous demande de recompter « ${facts.product} » (${facts.service}).`,
      `Il est signalé sur votre écran de comptage : ${facts.link}`,
    ].join('\n'),
  };
}

/**
 * Mails the people who counted the product this month (active members, confirmed address, not the manager
 * asking) when SendGrid is configured; the count screen's flag is the notice that always works. Never throws:
 * a mail that fails leaves the request done. Returns how many mails left.
 */
export async function mailRecount(
  deps: Pick<Deps, 'db' | 'mailer' | 'config'>,
  actor: Actor,
  target: { serviceId: string; serviceName: string; month: string; productId: string },
): Promise<number> {
  if (!deps.mailer.enabled) return 0;
  const counters = await countersOf(deps.db, actor, target);
  if (counters.length === 0) return 0;
  const link = `${deps.config.frontendUrl}/app/inventory?service=${target.serviceId}&month=${target.month}`;
  const results = await Promise.all(
    counters.map((c) =>
      deps.mailer.send(
        recountEmail(
          {
            to: c.email,
            counter: c.username,
            manager: c.manager,
            product: c.product,
            service: target.serviceName,
            month: target.month,
            link,
          },
          userLocale(c.locale),
        ),
      ),
    ),
  );
  return results.filter((r) => r.sent).length;
}

function countersOf(db: Db, actor: Actor, target: { serviceId: string; month: string; productId: string }) {
  return db
    .selectFrom('counts as k')
    .innerJoin('users as u', 'u.id', 'k.counted_by')
    .innerJoin('memberships as ms', (join) =>
      join
        .onRef('ms.user_id', '=', 'u.id')
        .on('ms.tenant_id', '=', actor.tenantId)
        .on('ms.status', '=', 'ACTIVE'),
    )
    .innerJoin('products as p', 'p.id', 'k.product_id')
    .innerJoin('users as me', (join) => join.on('me.id', '=', actor.userId))
    .select(['u.email', 'u.username', 'u.locale', 'p.name as product', 'me.username as manager'])
    .distinct()
    .where('k.tenant_id', '=', actor.tenantId)
    .where('k.service_id', '=', target.serviceId)
    .where('k.inventory_month', '=', target.month)
    .where('k.product_id', '=', target.productId)
    .where('u.id', '!=', actor.userId)
    .where('u.is_active', '=', true)
    .where('u.email_verified_at', 'is not', null)
    .where('u.email', 'is not', null)
    .$narrowType<{ email: string }>()
    .execute();
}
