import { defineMessages } from '../../i18n/i18n';

/** The signed-in shell's account controls: switching establishment, logging out. */
export const accountMessages = defineMessages({
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
