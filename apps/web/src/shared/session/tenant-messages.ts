import { defineMessages } from '../../i18n/i18n';

/** The establishment switcher's words. */
export const tenantMessages = defineMessages({
  fr: {
    tenant_label: 'Établissement',
    switching: 'Changement…',
    switched: 'Vous travaillez maintenant sur {name}.',
  },
  en: {
    tenant_label: 'Business',
    switching: 'Switching…',
    switched: 'You are now working on {name}.',
  },
});
