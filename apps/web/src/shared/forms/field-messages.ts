import { defineMessages } from '../../i18n/i18n';

/** Words of the form fields themselves. */
export const fieldMessages = defineMessages({
  fr: {
    show_password: 'Afficher',
    hide_password: 'Masquer',
  },
  en: {
    show_password: 'Show',
    hide_password: 'Hide',
  },
});
