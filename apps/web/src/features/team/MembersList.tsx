import type { MemberSummary, Role } from '@stockscan/contracts';
import { removesLastOwner, roleTakesServiceScope } from '@stockscan/entitlements';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { shortAction } from './activity';
import { ConfirmDialog } from './ConfirmDialog';
import { formatRelative } from './format';
import { teamMessages } from './messages';
import { RoleChoice } from './RoleChoice';
import { type ServiceOption, ServiceSelect } from './ServiceSelect';

/** The members with their access; the owner changes a role or scope, or removes someone. */
export function MembersList({
  members,
  services,
  scoped,
  userId,
  tenant,
  now,
  onChanged,
  onRemovedSelf,
}: {
  members: readonly MemberSummary[];
  services: readonly ServiceOption[];
  /** The plan has roles_per_service. */
  scoped: boolean;
  userId: string | null;
  tenant: string;
  now: Date;
  onChanged: () => void;
  onRemovedSelf: () => void;
}) {
  const t = useT(teamMessages);
  const trpc = useTRPC();
  const [removing, setRemoving] = useState<MemberSummary | null>(null);
  const remove = useMutation(
    trpc.members.remove.mutationOptions({
      onSuccess: () => {
        const gone = removing;
        setRemoving(null);
        if (gone?.user.id === userId) {
          onRemovedSelf();
          return;
        }
        if (gone) toast.ok(t('removed', { name: gone.user.username }));
        onChanged();
      },
    }),
  );
  const removeCode = remove.error ? errorCode(remove.error) : null;

  return (
    <section className="team-section" aria-labelledby="members-title">
      <h2 id="members-title">{t('members_title')}</h2>
      <ul className="team-list">
        {members.map((member) => (
          <MemberRow
            key={member.id}
            member={member}
            services={services}
            scoped={scoped}
            isSelf={member.user.id === userId}
            lastOwner={removesLastOwner(member, null, members)}
            now={now}
            onChanged={onChanged}
            onRemove={() => {
              remove.reset();
              setRemoving(member);
            }}
          />
        ))}
      </ul>
      {members.length <= 1 ? <p className="muted team-empty">{t('members_empty')}</p> : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('remove_title', { name: removing?.user.username ?? '' })}
        confirmLabel={remove.isPending ? t('removing') : t('remove_yes')}
        cancelLabel={t('keep')}
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
        onCancel={() => setRemoving(null)}
      >
        <p>
          {removing?.user.id === userId
            ? t('remove_self_text', { tenant })
            : t('remove_text', { name: removing?.user.username ?? '', tenant })}
        </p>
        {removeCode === 'LAST_OWNER' ? (
          <p className="alert alert-error" role="alert">
            {t('LAST_OWNER')}
          </p>
        ) : remove.error ? (
          <ErrorMessage error={remove.error} />
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function MemberRow({
  member,
  services,
  scoped,
  isSelf,
  lastOwner,
  now,
  onChanged,
  onRemove,
}: {
  member: MemberSummary;
  services: readonly ServiceOption[];
  scoped: boolean;
  isSelf: boolean;
  lastOwner: boolean;
  now: Date;
  onChanged: () => void;
  onRemove: () => void;
}) {
  const t = useT(teamMessages);
  const { locale } = useLocale();
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(member.role);
  const [serviceId, setServiceId] = useState(member.service_scope?.id ?? '');
  const name = member.user.username;
  const update = useMutation(
    trpc.members.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        toast.ok(t('updated', { name }));
        onChanged();
      },
    }),
  );
  const updateCode = update.error ? errorCode(update.error) : null;

  function startEditing() {
    setRole(member.role);
    setServiceId(member.service_scope?.id ?? '');
    update.reset();
    setEditing(true);
  }

  function save() {
    update.mutate({
      id: member.id,
      role,
      ...(scoped && roleTakesServiceScope(role) ? { service_id: serviceId || null } : {}),
    });
  }

  return (
    <li className="team-row" data-testid="member">
      <div className="team-row-head">
        <p className="team-row-name">
          {name}
          {isSelf ? <span className="team-you"> ({t('you')})</span> : null}
        </p>
        {member.user.email ? <p className="team-row-meta">{member.user.email}</p> : null}
        <p className="team-row-tags">
          <span className={`team-badge team-role-${member.role}`}>{t(`role_${member.role}`)}</span>
          <span className="team-badge">{member.service_scope?.name ?? t('all_services')}</span>
          {member.status !== 'ACTIVE' ? (
            <span className="team-badge team-badge-warn">{t(`status_${member.status}`)}</span>
          ) : null}
        </p>
        <p className="team-row-meta">
          {member.last_action
            ? t('last_action', {
                what: shortAction(member.last_action.action, locale),
                when: formatRelative(member.last_action.created_at, now, locale),
              })
            : t('no_action')}
        </p>
      </div>

      {editing ? (
        <div className="team-edit">
          <RoleChoice
            name={`role-${member.id}`}
            legend={t('edit_title', { name })}
            value={role}
            onChange={setRole}
          />
          {!roleTakesServiceScope(role) ? (
            <p className="field-hint">{t('owner_scope_note')}</p>
          ) : scoped ? (
            <ServiceSelect
              label={t('invite_service')}
              services={services}
              value={serviceId}
              onChange={setServiceId}
            />
          ) : null}
          {updateCode === 'LAST_OWNER' ? (
            <p className="alert alert-error" role="alert">
              {t('LAST_OWNER')}
            </p>
          ) : update.error ? (
            <ErrorMessage error={update.error} onRetry={save} />
          ) : null}
          <div className="team-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={update.isPending}
              onClick={save}
            >
              {update.isPending ? t('saving') : t('save')}
            </button>
            <button
              type="button"
              className="button"
              disabled={update.isPending}
              onClick={() => setEditing(false)}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : lastOwner ? (
        <p className="field-hint">{t('last_owner_note')}</p>
      ) : (
        <div className="team-actions">
          <button
            type="button"
            className="button"
            aria-label={t('edit_label', { name })}
            onClick={startEditing}
          >
            {t('edit')}
          </button>
          <button
            type="button"
            className="button button-ghost-danger"
            aria-label={t('remove_label', { name })}
            onClick={onRemove}
          >
            {t('remove')}
          </button>
        </div>
      )}
    </li>
  );
}
