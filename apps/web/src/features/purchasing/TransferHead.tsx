import { useT } from '../../i18n/i18n';
import { FormField } from '../../shared/forms/FormField';
import { todayLocal } from '../inventory/scope/format';
import type { Service } from '../inventory/scope/service-features';
import { tm } from './transfer-messages';

/** Where the stock leaves, where it enters (never the same service), and the day it moved. */
export function TransferHead({
  services,
  fromId,
  toId,
  date,
  toError,
  dateError,
  onFrom,
  onTo,
  onDate,
}: {
  services: Service[];
  fromId: string;
  toId: string;
  date: string;
  toError: string | null;
  dateError: string | null;
  onFrom: (id: string) => void;
  onTo: (id: string) => void;
  onDate: (day: string) => void;
}) {
  const t = useT(tm);
  const options = (list: Service[]) =>
    list.map((s) => (
      <option key={s.id} value={s.id}>
        {s.name}
      </option>
    ));
  return (
    <div className="delivery-head">
      <FormField label={t('from')} className="field">
        {(aria) => (
          <select {...aria} value={fromId} onChange={(e) => onFrom(e.target.value)}>
            {options(services)}
          </select>
        )}
      </FormField>
      <FormField label={t('to')} className="field" error={toError}>
        {(aria) => (
          <select {...aria} value={toId} onChange={(e) => onTo(e.target.value)}>
            {options(services.filter((s) => s.id !== fromId))}
          </select>
        )}
      </FormField>
      <FormField label={t('moved_on')} className="field" error={dateError}>
        {(aria) => (
          <input
            {...aria}
            type="date"
            value={date}
            max={todayLocal()}
            onChange={(e) => onDate(e.target.value || todayLocal())}
          />
        )}
      </FormField>
    </div>
  );
}
