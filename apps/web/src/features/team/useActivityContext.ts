import { useMemo } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import type { ActivityContext } from './activity';
import { teamMessages } from './messages';

/** What the activity sentences need to name people, services, roles and months in the user's language. */
export function useActivityContext(
  members: readonly { user: { id: string; username: string } }[] | undefined,
  serviceNames: Map<string, string>,
): ActivityContext {
  const t = useT(teamMessages);
  const { locale } = useLocale();
  return useMemo<ActivityContext>(
    () => ({
      memberNames: new Map((members ?? []).map((m) => [m.user.id, m.user.username])),
      serviceNames,
      roleLabel: (role) => t(`role_${role}`),
      monthLabel: (month) =>
        new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${month}-01T00:00:00Z`)),
    }),
    [members, serviceNames, t, locale],
  );
}
