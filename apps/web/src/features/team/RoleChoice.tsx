import type { Role } from '@stockscan/contracts';
import { ROLES_BY_RANK } from '@stockscan/entitlements';
import { useT } from '../../i18n/i18n';
import { teamMessages } from './messages';

/** Three big choices, each with what the role may do: a select would hide the difference on a phone. */
export function RoleChoice({
  name,
  legend,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  value: Role;
  onChange: (role: Role) => void;
}) {
  const t = useT(teamMessages);
  return (
    <fieldset className="role-choice">
      <legend>{legend}</legend>
      {ROLES_BY_RANK.map((role) => (
        <label key={role} className={value === role ? 'role-option role-selected' : 'role-option'}>
          <input
            type="radio"
            name={name}
            value={role}
            checked={value === role}
            onChange={() => onChange(role)}
          />
          <span>
            <span className="role-name">{t(`role_${role}`)}</span>
            <span className="role-hint">{t(`role_${role}_hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
