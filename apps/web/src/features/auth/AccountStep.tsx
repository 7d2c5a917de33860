import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n';
import { Field, PasswordField } from '../../shared/forms/Field';
import type { AccountDraft, AccountField } from './onboarding';
import { registerMessages } from './register-messages';

/** Step 3: the business's name and the owner's login. Errors sit under their field until it is edited. */
export function AccountStep({
  account,
  onChange,
  errors,
  hints,
}: {
  account: AccountDraft;
  onChange: (patch: Partial<AccountDraft>) => void;
  errors: Partial<Record<AccountField, string>>;
  /** Extra help under a field, e.g. "log in" when the username is taken. */
  hints: Partial<Record<AccountField, ReactNode>>;
}) {
  const t = useT(registerMessages);
  const termsError = errors.accept_terms;
  return (
    <>
      <Field
        label={t('tenant_name')}
        name="organization"
        autoComplete="organization"
        placeholder={t('tenant_placeholder')}
        maxLength={120}
        value={account.tenant_name}
        error={errors.tenant_name}
        hint={hints.tenant_name}
        onChange={(event) => onChange({ tenant_name: event.target.value })}
      />
      <Field
        label={t('username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={150}
        value={account.username}
        error={errors.username}
        hint={hints.username ?? t('username_hint')}
        onChange={(event) => onChange({ username: event.target.value })}
      />
      <Field
        label={t('email')}
        name="email"
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        value={account.email}
        error={errors.email}
        hint={hints.email ?? t('email_hint')}
        onChange={(event) => onChange({ email: event.target.value })}
      />
      <PasswordField
        label={t('password')}
        name="new-password"
        autoComplete="new-password"
        value={account.password}
        error={errors.password}
        hint={hints.password ?? t('password_hint')}
        onChange={(event) => onChange({ password: event.target.value })}
      />
      <PasswordField
        label={t('password_confirm')}
        name="confirm-password"
        autoComplete="new-password"
        value={account.password_confirm}
        error={errors.password_confirm}
        onChange={(event) => onChange({ password_confirm: event.target.value })}
      />
      <div className={termsError ? 'field field-invalid' : 'field'}>
        <label className="terms">
          <input
            type="checkbox"
            checked={account.accept_terms}
            aria-invalid={termsError ? true : undefined}
            aria-describedby={termsError ? 'terms-error' : undefined}
            onChange={(event) => onChange({ accept_terms: event.target.checked })}
          />
          <span>
            {t('terms_before')}
            <Link to="/legal" target="_blank" rel="noopener">
              {t('terms_link')}
            </Link>
          </span>
        </label>
        {termsError ? (
          <p id="terms-error" className="field-error">
            {termsError}
          </p>
        ) : null}
      </div>
    </>
  );
}
