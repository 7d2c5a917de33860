import { useMutation } from '@tanstack/react-query';
import { defineMessages, useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../feedback/ErrorMessage';

const messages = defineMessages({
  fr: {
    resend: 'Renvoyer le lien de confirmation',
    sending: 'Envoi…',
    sent: 'Lien envoyé : ouvrez l’e-mail reçu et cliquez sur le lien.',
    not_sent: 'L’e-mail n’a pas pu partir. Réessayez plus tard.',
    already: 'Votre adresse est déjà confirmée. Rechargez la page.',
  },
  en: {
    resend: 'Resend the confirmation link',
    sending: 'Sending…',
    sent: 'Link sent: open the email and click the link.',
    not_sent: 'The email could not go out. Try again later.',
    already: 'Your address is already confirmed. Reload the page.',
  },
});

/** A new confirmation link to the signed-in user's address (`auth.resendVerification`, 3 an hour). */
export function ResendVerification() {
  const t = useT(messages);
  const trpc = useTRPC();
  const resend = useMutation(trpc.auth.resendVerification.mutationOptions());
  const result = resend.data;
  return (
    <div className="resend-verification">
      <button
        type="button"
        className="button button-ghost"
        disabled={resend.isPending || result?.sent === true}
        onClick={() => resend.mutate()}
      >
        {resend.isPending ? t('sending') : t('resend')}
      </button>
      {result ? (
        <p className={result.sent ? 'alert alert-ok' : 'alert alert-warn'} role="status">
          {result.already_verified ? t('already') : result.sent ? t('sent') : t('not_sent')}
        </p>
      ) : null}
      {resend.error ? <ErrorMessage error={resend.error} onDismiss={resend.reset} /> : null}
    </div>
  );
}
