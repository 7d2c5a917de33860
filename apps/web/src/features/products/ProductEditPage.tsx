import type { InventoryWarning } from '@stockscan/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useT } from '../../i18n/i18n';
import { errorCode, useTRPC } from '../../lib/trpc';
import { fieldErrors } from '../../shared/feedback/describe-error';
import { ErrorMessage } from '../../shared/feedback/ErrorMessage';
import { GatedButton } from '../entitlements/GatedButton';
import { useEntitlements, useRefreshEntitlements } from '../entitlements/useEntitlements';
import { ScopeGate } from '../inventory/scope/ScopeBar';
import type { Service } from '../inventory/scope/service-features';
import { useScope } from '../inventory/scope/useScope';
import { m } from './messages';
import { ProductFields } from './ProductFields';
import {
  createInput,
  emptyForm,
  type FieldName,
  type FormProblem,
  formOf,
  type Product,
  type ProductForm,
  readForm,
  withBottleWeights,
} from './product-form';
import { Warnings } from './Warnings';
import './products.css';

/** After a create, the edit page shows what the server said about the new product. */
interface SavedState {
  saved?: boolean;
  warnings?: InventoryWarning[];
}

/** /app/products/new?service=… */
export function ProductCreatePage() {
  const t = useT(m);
  const scope = useScope();
  if (!scope.service)
    return (
      <section className="page narrow-form">
        <h1>{t('create_title')}</h1>
        <ScopeGate scope={scope} />
      </section>
    );
  return <ProductEditor key={scope.service.id} service={scope.service} product={null} />;
}

/** /app/products/:id */
export function ProductEditPage() {
  const t = useT(m);
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const scope = useScope();
  const product = useQuery(trpc.inventory.products.get.queryOptions({ id }));
  const service = scope.services.find((s) => s.id === product.data?.product.service_id);
  if (product.isPending || scope.servicesQuery.isPending)
    return (
      <section className="page narrow-form">
        <p className="muted" role="status">
          {t('loading')}
        </p>
      </section>
    );
  if (product.error || !product.data || !service)
    return (
      <section className="page narrow-form">
        <h1>{t('edit_title')}</h1>
        {product.error &&
        errorCode(product.error) !== 'NOT_FOUND' &&
        errorCode(product.error) !== 'VALIDATION_ERROR' ? (
          <ErrorMessage error={product.error} onRetry={() => void product.refetch()} />
        ) : (
          <p className="alert alert-warn">{t('not_found')}</p>
        )}
        <Link to="/app/products">{t('back')}</Link>
      </section>
    );
  return <ProductEditor key={product.data.product.id} service={service} product={product.data.product} />;
}

function ProductEditor({ service, product }: { service: Service; product: Product | null }) {
  const t = useT(m);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const refreshEntitlements = useRefreshEntitlements();
  const { canAdd, data: ent } = useEntitlements();
  const currency = ent?.currency_code ?? 'EUR';
  const arrived = (location.state ?? {}) as SavedState;
  const [form, setForm] = useState<ProductForm>(() =>
    product ? withBottleWeights(formOf(product), service) : emptyForm(service),
  );
  const [problems, setProblems] = useState<Partial<Record<FieldName, FormProblem>>>({});
  const [result, setResult] = useState<SavedState>(arrived);

  const invalidate = () => {
    void queryClient.invalidateQueries(trpc.inventory.products.pathFilter());
    void queryClient.invalidateQueries(trpc.inventory.categories.pathFilter());
    void queryClient.invalidateQueries(trpc.inventory.counts.pathFilter());
  };
  const create = useMutation(
    trpc.inventory.products.create.mutationOptions({
      onSuccess: ({ product: created, warnings }) => {
        invalidate();
        void refreshEntitlements();
        navigate(`/app/products/${created.id}`, {
          replace: true,
          state: { saved: true, warnings } satisfies SavedState,
        });
      },
    }),
  );
  const update = useMutation(
    trpc.inventory.products.update.mutationOptions({
      onSuccess: ({ product: updated, warnings }) => {
        queryClient.setQueryData(trpc.inventory.products.get.queryKey({ id: updated.id }), {
          product: updated,
          warnings,
        });
        invalidate();
        setResult({ saved: true, warnings });
      },
    }),
  );
  const mutation = product ? update : create;
  const serverFields = fieldErrors(mutation.error);
  const code = errorCode(mutation.error);
  // DUPLICATE_* carry the server's sentence in the user's language; show it under the field concerned.
  const duplicateField: FieldName | null =
    code === 'DUPLICATE_BARCODE' ? 'barcode' : code === 'DUPLICATE_SKU' ? 'internal_sku' : null;
  const messages: Partial<Record<FieldName, string>> = {};
  for (const [name, message] of Object.entries(serverFields)) messages[name as FieldName] = message;
  if (duplicateField && mutation.error) messages[duplicateField] = mutation.error.message;
  for (const [name, problem] of Object.entries(problems)) messages[name as FieldName] = t(problem);
  // A refusal about a field: take the person to it (the sticky button bar may hide it otherwise).
  const firstServerField = duplicateField ?? Object.keys(serverFields)[0];
  useEffect(() => {
    if (firstServerField) document.getElementById(`product-${firstServerField}`)?.focus();
  }, [firstServerField]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const read = readForm(form, service);
    setProblems(read.problems);
    setResult({});
    if (Object.keys(read.problems).length > 0) {
      const first = Object.keys(read.problems)[0];
      document.getElementById(`product-${first}`)?.focus();
      return;
    }
    if (product) update.mutate({ ...read.fields, id: product.id });
    else create.mutate(createInput(read.fields, service.id));
  }

  const change = <K extends FieldName>(name: K, value: ProductForm[K]) => {
    // A size in the name ("Gin 70 cl") pre-fills the bottle's weights until the person types their own.
    setForm((f) => {
      const next = { ...f, [name]: value };
      return name === 'name' || name === 'variant_value' ? withBottleWeights(next, service) : next;
    });
    if (problems[name]) setProblems((p) => ({ ...p, [name]: undefined }));
  };

  return (
    <section className="page narrow-form">
      <p>
        <Link to={`/app/products?service=${service.id}`}>← {t('back')}</Link>
      </p>
      <h1>{product ? t('edit_title') : t('create_title')}</h1>
      <p className="muted">{service.name}</p>
      {product?.archived_at ? <p className="alert alert-warn">{t('archived_notice')}</p> : null}
      {result.saved ? (
        <div className="alert alert-ok" role="status">
          <p className="saved-line">{t('saved')}</p>
          <Link to={`/app/products/new?service=${service.id}`}>{t('saved_next')}</Link>
        </div>
      ) : null}
      <Warnings warnings={result.warnings ?? []} />
      <form onSubmit={submit} noValidate className="product-form">
        <ProductFields
          service={service}
          form={form}
          messages={messages}
          currency={currency}
          onChange={change}
        />
        {mutation.error && !duplicateField && Object.keys(serverFields).length === 0 ? (
          <ErrorMessage error={mutation.error} onDismiss={() => mutation.reset()} />
        ) : null}
        <div className="form-actions sticky-actions">
          {product ? (
            <button type="submit" className="button button-primary" disabled={mutation.isPending}>
              {mutation.isPending ? t('saving') : t('submit_update')}
            </button>
          ) : (
            <GatedButton verdict={canAdd('max_products')} type="submit" busy={mutation.isPending}>
              {mutation.isPending ? t('saving') : t('submit_create')}
            </GatedButton>
          )}
        </div>
      </form>
    </section>
  );
}
