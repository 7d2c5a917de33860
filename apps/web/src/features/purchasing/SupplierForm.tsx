import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { toast } from '../../shared/feedback/toast-store';
import { FormField } from '../../shared/forms/FormField';
import { m } from './messages';
import type { Supplier } from './types';

/** Add a supplier, or edit one (`supplier` given): name, email, phone, notes. */
export function SupplierForm({ supplier, onDone }: { supplier?: Supplier; onDone: () => void }) {
  const t = useT(m);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(supplier?.name ?? '');
  const [email, setEmail] = useState(supplier?.email ?? '');
  const [phone, setPhone] = useState(supplier?.phone ?? '');
  const [notes, setNotes] = useState(supplier?.notes ?? '');
  const done = () => {
    toast.ok(t('supplier_saved'));
    void queryClient.invalidateQueries(trpc.purchasing.suppliers.pathFilter());
    onDone();
  };
  const create = useMutation(trpc.purchasing.suppliers.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.purchasing.suppliers.update.mutationOptions({ onSuccess: done }));
  const error = create.error ?? update.error;
  const fields = fieldErrors(error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const values = { name, email: email || null, phone: phone || null, notes: notes || null };
    if (supplier) update.mutate({ id: supplier.id, ...values });
    else create.mutate(values);
  }

  return (
    <form className="supplier-form" onSubmit={submit} noValidate>
      <FormField label={t('supplier_name')} error={fields.name} className="field">
        {(aria) => <input {...aria} required value={name} onChange={(e) => setName(e.target.value)} />}
      </FormField>
      <FormField label={t('supplier_email')} error={fields.email} className="field">
        {(aria) => <input {...aria} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
      </FormField>
      <FormField label={t('supplier_phone')} error={fields.phone} className="field">
        {(aria) => <input {...aria} type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />}
      </FormField>
      <FormField label={t('supplier_notes')} error={fields.notes} className="field">
        {(aria) => <textarea {...aria} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </FormField>
      {error && Object.keys(fields).length === 0 ? <ErrorMessage error={error} /> : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || update.isPending}
        >
          {t('supplier_save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('supplier_cancel')}
        </button>
      </div>
    </form>
  );
}
