import { type Kysely, sql } from 'kysely';

// Migrations describe the past: they take Kysely<any> and plain SQL, never today's types.
const statements = [
  `create table users (
    id uuid primary key default gen_random_uuid(),
    username text not null,
    email text,
    password_hash text not null,
    is_active boolean not null default true,
    email_verified_at timestamptz,
    locale text not null default 'fr',
    created_at timestamptz not null default now()
  )`,
  `create unique index users_username_ci on users (lower(username))`,
  `create unique index users_email_ci on users (lower(email)) where email is not null`,

  `create table tenants (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    slug text not null,
    domain text not null check (domain in ('food','general')),
    business_type text not null check (business_type in
      ('restaurant','bar','grocery','retail','camping_multi','pharmacy','bakery','other')),
    currency_code char(3) not null default 'EUR',
    terms_accepted_at timestamptz,
    plan_code text,
    plan_source text not null default 'FREE' check (plan_source in ('FREE','TRIAL','PAID','MANUAL','LIFETIME')),
    billing_cycle text check (billing_cycle in ('MONTHLY','YEARLY')),
    subscription_status text not null default 'NONE'
      check (subscription_status in ('NONE','TRIALING','ACTIVE','PAST_DUE','CANCELED')),
    license_expires_at timestamptz,
    grace_started_at timestamptz,
    stripe_customer_id text unique,
    stripe_subscription_id text,
    stripe_state_at timestamptz,
    entitlement_overrides jsonb,
    created_at timestamptz not null default now()
  )`,

  `create table services (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    name text not null,
    service_type text not null check (service_type in ('grocery_food','bulk_food','bar','kitchen','bakery',
      'restaurant_dining','retail_general','pharmacy_parapharmacy','other')),
    counting_mode text not null check (counting_mode in ('unit','weight','volume','mixed')),
    features jsonb not null default '{}'::jsonb,
    sku_seq integer not null default 0,
    created_at timestamptz not null default now()
  )`,
  `create unique index services_tenant_name_ci on services (tenant_id, lower(name))`,

  `create table memberships (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    tenant_id uuid not null references tenants(id) on delete cascade,
    role text not null check (role in ('owner','manager','operator')),
    service_id uuid references services(id) on delete restrict,
    status text not null check (status in ('ACTIVE','INVITED','DISABLED')),
    invited_at timestamptz,
    activated_at timestamptz,
    created_at timestamptz not null default now(),
    unique (user_id, tenant_id)
  )`,
  `create index memberships_tenant on memberships (tenant_id)`,

  `create table invitations (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    email text not null,
    role text not null check (role in ('owner','manager','operator')),
    service_id uuid references services(id) on delete cascade,
    token_hash text not null unique,
    status text not null default 'SENT' check (status in ('SENT','ACCEPTED','EXPIRED','CANCELED')),
    expires_at timestamptz not null,
    email_sent boolean not null default false,
    locale text not null default 'fr',
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now(),
    accepted_at timestamptz
  )`,
  `create index invitations_tenant_email on invitations (tenant_id, lower(email))`,

  `create table refresh_tokens (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    tenant_id uuid references tenants(id) on delete cascade,
    family_id uuid not null,
    token_hash text not null unique,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    replaced_by uuid,
    created_at timestamptz not null default now()
  )`,
  `create index refresh_tokens_family on refresh_tokens (family_id)`,

  `create table user_tokens (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    purpose text not null check (purpose in ('password_reset','email_verification')),
    token_hash text not null unique,
    expires_at timestamptz not null,
    used_at timestamptz,
    created_at timestamptz not null default now()
  )`,

  `create table rate_limits (
    key text not null,
    window_start timestamptz not null,
    hits integer not null default 0,
    primary key (key, window_start)
  )`,

  `create table products (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete restrict,
    name text not null,
    category text,
    brand text,
    supplier text,
    barcode text,
    internal_sku text,
    unit text not null check (unit in ('pcs','kg','g','l','ml')),
    purchase_price numeric(12,2),
    selling_price numeric(12,2),
    vat_rate numeric(5,2),
    min_qty numeric(14,3),
    pack_size numeric(14,3),
    pack_uom text,
    conversion_unit text,
    conversion_factor numeric(14,6),
    variant_name text,
    variant_value text,
    product_role text check (product_role in ('raw_material','finished_product','homemade_prep')),
    notes text,
    archived_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index products_barcode_live on products (service_id, barcode)
    where archived_at is null and barcode is not null`,
  `create unique index products_sku_live on products (service_id, internal_sku)
    where archived_at is null and internal_sku is not null`,
  `create index products_tenant_service_name on products (tenant_id, service_id, name, id)`,
  `create index products_barcode_lookup on products (tenant_id, barcode) where barcode is not null`,

  `create table counts (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    product_id uuid not null references products(id) on delete cascade,
    inventory_month char(7) not null,
    quantity numeric(14,3) not null check (quantity >= 0),
    container_status text not null default 'SEALED' check (container_status in ('SEALED','OPENED')),
    remaining_fraction numeric(4,3) check (remaining_fraction between 0 and 1),
    expiry_date date,
    lot_number text,
    counted_by uuid references users(id) on delete set null,
    counted_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (product_id, inventory_month)
  )`,
  `create index counts_tenant_service_month on counts (tenant_id, service_id, inventory_month)`,

  `create table categories (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    name text not null,
    slug text not null,
    created_at timestamptz not null default now(),
    unique (service_id, slug)
  )`,

  `create table loss_events (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    service_id uuid not null references services(id) on delete cascade,
    product_id uuid not null references products(id) on delete cascade,
    occurred_at timestamptz not null,
    inventory_month char(7) not null,
    quantity numeric(14,3) not null check (quantity > 0),
    unit text not null check (unit in ('pcs','kg','g','l','ml')),
    reason text not null check (reason in ('breakage','expired','theft','free','mistake','other')),
    note text,
    created_by uuid references users(id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create index loss_events_tenant_service_month on loss_events (tenant_id, service_id, inventory_month)`,

  `create table usage_events (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    user_id uuid references users(id) on delete set null,
    kind text not null check (kind in ('export_xlsx','export_csv','ai_request','ai_support')),
    created_at timestamptz not null default now(),
    params jsonb
  )`,
  `create index usage_events_tenant_kind_time on usage_events (tenant_id, kind, created_at)`,

  `create table stripe_events (
    event_id text primary key,
    type text not null,
    received_at timestamptz not null default now(),
    processed_at timestamptz
  )`,

  `create table audit_log (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid references tenants(id) on delete cascade,
    user_id uuid references users(id) on delete set null,
    action text not null,
    object_type text,
    object_id text,
    meta jsonb,
    created_at timestamptz not null default now()
  )`,
  `create index audit_log_tenant_time on audit_log (tenant_id, created_at desc)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'audit_log',
    'stripe_events',
    'usage_events',
    'loss_events',
    'categories',
    'counts',
    'products',
    'rate_limits',
    'user_tokens',
    'refresh_tokens',
    'invitations',
    'memberships',
    'services',
    'tenants',
    'users',
  ];
  for (const table of tables) await sql.raw(`drop table if exists ${table} cascade`).execute(db);
}
