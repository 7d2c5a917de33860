import type { ActivityEntry, Locale, Role } from '@stockscan/contracts';
import { normalizePlanCode, PLAN_NAMES } from '@stockscan/entitlements';
import { defineMessages, format } from '../../i18n/i18n';

/** What each audit action means, said the way a shop owner would (no codes, no ids). */
const activityMessages = defineMessages({
  fr: {
    'auth.login': 's’est connecté(e)',
    'auth.logout': 's’est déconnecté(e)',
    'auth.register': 'a créé l’établissement sur StockScan',
    'auth.password_reset': 'a changé son mot de passe',
    'auth.account_deleted': '{name} a supprimé son compte',
    'counts.upsert': 'a compté {n} produits — {service}, {month}',
    'counts.upsert_one': 'a compté 1 produit — {service}, {month}',
    'counts.clear': 'a effacé {n} comptages — {service}, {month}',
    'counts.clear_one': 'a effacé 1 comptage — {service}, {month}',
    'counts.copy_previous_month': 'a repris le catalogue du mois précédent — {service}, {month}',
    'export.create': 'a exporté l’inventaire ({format})',
    'invitation.create': 'a invité {email}',
    'invitation.resend': 'a renvoyé l’invitation de {email}',
    'invitation.cancel': 'a annulé l’invitation de {email}',
    'invitation.accept': 'a accepté l’invitation',
    'invitation.decline': '{email} a refusé l’invitation',
    'membership.create': 'a rejoint l’équipe ({role})',
    'membership.update': 'a changé l’accès de {member} : {before} → {after}',
    'membership.delete': 'a retiré {member} de l’équipe',
    'service.create': 'a créé le service {service}',
    'service.update': 'a modifié le service {service}',
    'service.delete': 'a supprimé le service {service}',
    'tenant.update': 'a modifié les informations de l’établissement',
    'billing.checkout_started': 'a commencé un paiement pour l’offre {plan}',
    'billing.customer_created': 'a ouvert le compte de facturation',
    'billing.subscription_changed': 'L’abonnement a été mis à jour',
    'order.create': 'a préparé la commande n° {number} ({supplier})',
    'order.update': 'a modifié la commande n° {number}',
    'order.send': 'a envoyé la commande n° {number} à {supplier}',
    'order.send_mail': 'a envoyé la commande n° {number} à {supplier} ({email})',
    'order.send_none': 'a marqué la commande n° {number} envoyée',
    'order.receive': 'a réceptionné la commande n° {number} ({supplier})',
    'order.cancel': 'a annulé la commande n° {number}',
    other: 'a fait une action ({action})',
    short_joined: 'arrivée dans l’équipe',
    short_counts: 'comptage',
    short_auth: 'connexion',
    short_export: 'export',
    short_invitation: 'invitation',
    short_membership: 'équipe',
    short_service: 'services',
    short_tenant: 'établissement',
    short_billing: 'abonnement',
    short_order: 'commande',
    short_other: 'action',
    a_supplier: 'sans fournisseur',
    a_member: 'un membre',
    a_service: '(service supprimé)',
    someone: 'Un invité',
  },
  en: {
    'auth.login': 'logged in',
    'auth.logout': 'logged out',
    'auth.register': 'created the business on StockScan',
    'auth.password_reset': 'changed their password',
    'auth.account_deleted': '{name} deleted their account',
    'counts.upsert': 'counted {n} products — {service}, {month}',
    'counts.upsert_one': 'counted 1 product — {service}, {month}',
    'counts.clear': 'cleared {n} counts — {service}, {month}',
    'counts.clear_one': 'cleared 1 count — {service}, {month}',
    'counts.copy_previous_month': 'copied last month’s catalogue — {service}, {month}',
    'export.create': 'exported the inventory ({format})',
    'invitation.create': 'invited {email}',
    'invitation.resend': 'resent the invitation of {email}',
    'invitation.cancel': 'canceled the invitation of {email}',
    'invitation.accept': 'accepted the invitation',
    'invitation.decline': '{email} declined the invitation',
    'membership.create': 'joined the team ({role})',
    'membership.update': 'changed the access of {member}: {before} → {after}',
    'membership.delete': 'removed {member} from the team',
    'service.create': 'created the service {service}',
    'service.update': 'changed the service {service}',
    'service.delete': 'deleted the service {service}',
    'tenant.update': 'changed the business details',
    'billing.checkout_started': 'started a payment for the {plan} plan',
    'billing.customer_created': 'opened the billing account',
    'billing.subscription_changed': 'The subscription was updated',
    'order.create': 'prepared order no. {number} ({supplier})',
    'order.update': 'changed order no. {number}',
    'order.send': 'sent order no. {number} to {supplier}',
    'order.send_mail': 'sent order no. {number} to {supplier} ({email})',
    'order.send_none': 'marked order no. {number} as sent',
    'order.receive': 'received order no. {number} ({supplier})',
    'order.cancel': 'canceled order no. {number}',
    other: 'did something ({action})',
    short_joined: 'joined the team',
    short_counts: 'count',
    short_auth: 'login',
    short_export: 'export',
    short_invitation: 'invitation',
    short_membership: 'team',
    short_service: 'services',
    short_tenant: 'business',
    short_billing: 'subscription',
    short_order: 'order',
    short_other: 'action',
    a_supplier: 'no supplier',
    a_member: 'a member',
    a_service: '(deleted service)',
    someone: 'A guest',
  },
});

type ActivityKey = keyof (typeof activityMessages)['fr'];

export interface ActivityContext {
  /** user id → username, from the members list. */
  memberNames: ReadonlyMap<string, string>;
  /** service id → name. */
  serviceNames: ReadonlyMap<string, string>;
  roleLabel: (role: Role) => string;
  /** "2025-11" → "novembre 2025". */
  monthLabel: (month: string) => string;
}

/** `who` is bold in front of `what`; null when the sentence already names its subject. */
export interface ActivitySentence {
  who: string | null;
  what: string;
}

function text(meta: Record<string, unknown> | null, key: string): string | null {
  const value = meta?.[key];
  return typeof value === 'string' && value ? value : null;
}

function number(meta: Record<string, unknown> | null, key: string): number | null {
  const value = meta?.[key];
  return typeof value === 'number' ? value : null;
}

function isRole(value: unknown): value is Role {
  return value === 'owner' || value === 'manager' || value === 'operator';
}

/** "Équipier · Bar" from a {role, service_id} snapshot of membership.update. */
function accessLabel(value: unknown, ctx: ActivityContext, allServices: string): string {
  if (typeof value !== 'object' || value === null) return '?';
  const snapshot = value as { role?: unknown; service_id?: unknown };
  const role = isRole(snapshot.role) ? ctx.roleLabel(snapshot.role) : '?';
  const service =
    typeof snapshot.service_id === 'string' ? ctx.serviceNames.get(snapshot.service_id) : allServices;
  return service ? `${role} · ${service}` : role;
}

/** One line of the activity feed in the reader's language. */
export function describeActivity(
  entry: Pick<ActivityEntry, 'action' | 'object_id' | 'user' | 'meta'>,
  locale: Locale,
  ctx: ActivityContext,
  allServices: string,
): ActivitySentence {
  const m = activityMessages[locale];
  const meta = entry.meta;
  const who = entry.user?.username ?? null;
  const serviceById = (id: string | null) => (id ? ctx.serviceNames.get(id) : undefined);
  const say = (key: ActivityKey, vars?: Record<string, string | number>): ActivitySentence => ({
    who: who ?? m.someone,
    what: format(m[key], vars),
  });
  const month = text(meta, 'month');
  const countVars = () => ({
    service: serviceById(entry.object_id) ?? m.a_service,
    month: month ? ctx.monthLabel(month) : '',
  });

  switch (entry.action) {
    case 'auth.login':
    case 'auth.logout':
    case 'auth.register':
    case 'auth.password_reset':
    case 'tenant.update':
    case 'billing.customer_created':
    case 'invitation.accept':
      return say(entry.action);
    case 'auth.account_deleted':
      return {
        who: null,
        what: format(m['auth.account_deleted'], { name: text(meta, 'username') ?? m.a_member }),
      };
    case 'billing.subscription_changed':
      return { who: null, what: m['billing.subscription_changed'] };
    case 'counts.upsert': {
      const n = number(meta, 'applied') ?? number(meta, 'lines') ?? 0;
      return say(n === 1 ? 'counts.upsert_one' : 'counts.upsert', { n, ...countVars() });
    }
    case 'counts.clear': {
      const cleared = meta?.cleared;
      const n = Array.isArray(cleared) ? cleared.length : 0;
      return say(n === 1 ? 'counts.clear_one' : 'counts.clear', { n, ...countVars() });
    }
    case 'counts.copy_previous_month':
      return say('counts.copy_previous_month', countVars());
    case 'export.create':
      return say('export.create', { format: (text(meta, 'format') ?? 'xlsx').toUpperCase() });
    case 'invitation.create':
    case 'invitation.resend':
    case 'invitation.cancel':
      return say(entry.action, { email: text(meta, 'email') ?? m.a_member });
    case 'invitation.decline':
      return {
        who: null,
        what: format(m['invitation.decline'], { email: text(meta, 'email') ?? m.someone }),
      };
    case 'membership.create': {
      const role = meta?.role;
      return say('membership.create', { role: isRole(role) ? ctx.roleLabel(role) : '' });
    }
    case 'membership.update': {
      const memberId = text(meta, 'member_user_id');
      return say('membership.update', {
        member: (memberId && ctx.memberNames.get(memberId)) || m.a_member,
        before: accessLabel(meta?.before, ctx, allServices),
        after: accessLabel(meta?.after, ctx, allServices),
      });
    }
    case 'membership.delete':
      return say('membership.delete', { member: text(meta, 'username') ?? m.a_member });
    case 'service.create':
    case 'service.delete':
      return say(entry.action, { service: text(meta, 'name') ?? serviceById(entry.object_id) ?? '' });
    case 'service.update':
      return say('service.update', { service: serviceById(entry.object_id) ?? m.a_service });
    case 'billing.checkout_started': {
      const plan = normalizePlanCode(text(meta, 'plan_code'));
      return say('billing.checkout_started', { plan: plan ? PLAN_NAMES[plan] : '' });
    }
    case 'order.create':
    case 'order.update':
    case 'order.receive':
    case 'order.cancel':
      return say(entry.action, {
        number: number(meta, 'number') ?? '?',
        supplier: text(meta, 'supplier') ?? m.a_supplier,
      });
    case 'order.send': {
      const email = meta?.email_sent === true ? text(meta, 'email_to') : null;
      const supplier = text(meta, 'supplier');
      const n = number(meta, 'number') ?? '?';
      if (!supplier) return say('order.send_none', { number: n });
      return email
        ? say('order.send_mail', { number: n, supplier, email })
        : say('order.send', { number: n, supplier });
    }
    default:
      return say('other', { action: entry.action });
  }
}

const SHORT: Record<string, ActivityKey> = {
  counts: 'short_counts',
  auth: 'short_auth',
  export: 'short_export',
  invitation: 'short_invitation',
  membership: 'short_membership',
  service: 'short_service',
  tenant: 'short_tenant',
  billing: 'short_billing',
  order: 'short_order',
};

/** A member's last action in one word ("comptage", "export"): the summary gives the action without details. */
export function shortAction(action: string, locale: Locale): string {
  if (action === 'invitation.accept' || action === 'membership.create')
    return activityMessages[locale].short_joined;
  const domain = action.split('.')[0] ?? '';
  return activityMessages[locale][SHORT[domain] ?? 'short_other'];
}
