import { defineMessages } from '../../../i18n/i18n';

export const scopeMessages = defineMessages({
  fr: {
    service: 'Service',
    all_services: 'Tous les services',
    month: 'Mois',
    previous_month: 'Mois précédent',
    next_month: 'Mois suivant',
    loading_services: 'Chargement de vos services…',
    no_service: 'Aucun service pour l’instant. Créez-en un dans les réglages pour commencer à compter.',
    no_service_action: 'Créer un service',
  },
  en: {
    service: 'Service',
    all_services: 'All services',
    month: 'Month',
    previous_month: 'Previous month',
    next_month: 'Next month',
    loading_services: 'Loading your services…',
    no_service: 'No service yet. Create one in the settings to start counting.',
    no_service_action: 'Create a service',
  },
});
