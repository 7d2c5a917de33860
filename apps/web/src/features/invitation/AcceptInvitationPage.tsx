import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { DeadEnd, Declined } from './DeadEnd';
import { DEAD_ENDS } from './dead-ends';
import { Invitation } from './Invitation';
import { invitationMessages } from './messages';
import '../auth/auth.css';
import './invitation.css';

/** /invitation/accept?token= — what you are joining, then create your access (or prove your account). */
export function AcceptInvitationPage() {
  const t = useT(invitationMessages);
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const preview = useQuery({
    ...trpc.members.previewInvitation.queryOptions({ token }),
    enabled: token !== '',
    retry: (failures, error) => errorCode(error) === 'NETWORK' && failures < 2,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [declined, setDeclined] = useState<string | null>(null);

  let body: ReactNode;
  if (!token) {
    body = <DeadEnd title={t('missing_title')} text={t('missing_text')} login={false} />;
  } else if (declined) {
    body = <Declined tenant={declined} />;
  } else if (preview.isPending) {
    body = (
      <>
        <h1>{t('title')}</h1>
        <p role="status">{t('loading')}</p>
      </>
    );
  } else if (preview.error) {
    const end = DEAD_ENDS[errorCode(preview.error)];
    body = end ? (
      <DeadEnd title={t(end.title)} text={t(end.text)} login={end.login} />
    ) : (
      <>
        <h1>{t('title')}</h1>
        <ErrorMessage error={preview.error} onRetry={() => void preview.refetch()} />
      </>
    );
  } else {
    body = <Invitation token={token} preview={preview.data} onDeclined={setDeclined} />;
  }

  return (
    <section className="auth-page invitation-page">
      <div className="auth-card">{body}</div>
    </section>
  );
}
