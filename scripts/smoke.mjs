#!/usr/bin/env node
// Runbook smoke checks against a running deployment (DEPLOYMENT.md "Smoke tests"): creates a throwaway tenant,
// calls every critical route, prints PASS/FAIL/SKIP per route and a summary; exit 1 when any check fails.
// Usage: scripts/smoke.sh https://app.example.com   (SMOKE_KEEP=true keeps the throwaway account)
const base = (process.argv[2] ?? process.env.BASE_URL ?? '').replace(/\/$/, '');
if (!/^https?:\/\//.test(base)) {
  console.error('usage: scripts/smoke.sh BASE_URL');
  process.exit(2);
}
const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const username = `smoke_${stamp}`;
const password = `Smoke-${stamp}-pass`;
const results = [];
const state = {};
// On stderr, so stdout stays one line per check: an operator can find (or remove) the account if a check fails.
console.error(`smoke: ${base} with the throwaway account ${username}`);

async function call(method, path, { token, json, headers = {} } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json().catch(() => null) : await res.arrayBuffer();
  return { status: res.status, headers: res.headers, body };
}

/** One check: `run` returns a verdict string ('' = pass, 'SKIP: why', or a failure reason). */
async function check(name, run) {
  try {
    const verdict = await run();
    if (!verdict) results.push(['PASS', name, '']);
    else if (verdict.startsWith('SKIP')) results.push(['SKIP', name, verdict.slice(5).trim()]);
    else results.push(['FAIL', name, verdict]);
  } catch (error) {
    results.push(['FAIL', name, error instanceof Error ? error.message : String(error)]);
  }
  const [status, label, why] = results.at(-1);
  console.log(`${status.padEnd(4)} ${label}${why ? ` — ${why}` : ''}`);
}

const expectStatus = (r, ...ok) =>
  ok.includes(r.status)
    ? ''
    : `HTTP ${r.status} (expected ${ok.join('/')}): ${JSON.stringify(r.body).slice(0, 200)}`;
const missing = (obj, keys) => keys.filter((k) => obj == null || !(k in obj));

await check('GET /health', async () => {
  const r = await call('GET', '/health');
  return expectStatus(r, 200) || (r.body?.db === 'ok' ? '' : `db is ${r.body?.db}`);
});

await check('POST /api/auth/register/', async () => {
  const r = await call('POST', '/api/auth/register/', {
    json: {
      username,
      password,
      password_confirm: password,
      email: `smoke+${stamp}@example.com`,
      tenant_name: `Smoke ${stamp}`,
      business_type: 'bar',
      service_type: 'bar',
      service_name: 'Bar',
      domain: 'food',
    },
  });
  if (r.status !== 201) return expectStatus(r, 201);
  const gone = missing(r.body, ['access', 'refresh', 'user', 'tenant', 'services']);
  if (gone.length) return `missing ${gone.join(', ')}`;
  if (r.body.user.username !== username) return `user.username is ${r.body.user.username}`;
  if (!r.body.services[0]?.id) return 'no service created';
  Object.assign(state, { access: r.body.access, refresh: r.body.refresh, serviceId: r.body.services[0].id });
  return '';
});

// Everything below acts as the throwaway account: without it there is nothing to check (SKIP, not FAIL).
const needsLogin = (fn) => async () => (state.access ? fn() : 'SKIP register failed');

await check(
  'POST /api/auth/login/',
  needsLogin(async () => {
    const r = await call('POST', '/api/auth/login/', { json: { username, password } });
    if (r.status !== 200) return expectStatus(r, 200);
    state.access = r.body.access;
    state.refresh = r.body.refresh;
    return missing(r.body, ['access', 'refresh', 'tenant'])
      .map((k) => `missing ${k}`)
      .join(', ');
  }),
);

await check(
  'POST /api/auth/refresh/',
  needsLogin(async () => {
    const r = await call('POST', '/api/auth/refresh/', { json: { refresh: state.refresh } });
    if (r.status !== 200) return expectStatus(r, 200);
    if (r.body.refresh === state.refresh) return 'refresh token was not rotated';
    state.access = r.body.access;
    state.refresh = r.body.refresh;
    return '';
  }),
);

await check(
  'GET /api/auth/me/',
  needsLogin(async () => {
    const r = await call('GET', '/api/auth/me/', { token: state.access });
    if (r.status !== 200) return expectStatus(r, 200);
    if (r.body.user?.username !== username) return `user.username is ${r.body.user?.username}`;
    return r.body.role === 'owner' ? '' : `role is ${r.body.role} (expected owner)`;
  }),
);

await check(
  'GET /api/auth/me/org/entitlements',
  needsLogin(async () => {
    const r = await call('GET', '/api/auth/me/org/entitlements', { token: state.access });
    return (
      expectStatus(r, 200) ||
      missing(r.body, ['plan_effective', 'limits', 'usage', 'over_limit', 'entitlements'])
        .map((k) => `missing ${k}`)
        .join(', ')
    );
  }),
);

await check(
  'GET /api/auth/services/',
  needsLogin(async () => {
    const r = await call('GET', '/api/auth/services/', { token: state.access });
    if (r.status !== 200) return expectStatus(r, 200);
    const listed = Array.isArray(r.body) && r.body.some((s) => s.id === state.serviceId);
    return listed ? '' : 'the registered service is not listed';
  }),
);

await check(
  'POST /api/auth/memberships/',
  needsLogin(async () => {
    const r = await call('POST', '/api/auth/memberships/', {
      token: state.access,
      json: { email: `manager+${stamp}@example.com`, role: 'manager' },
    });
    if (r.status !== 201) return expectStatus(r, 201);
    return missing(r.body, ['id', 'invite_link', 'email_sent', 'expires_at'])
      .map((k) => `missing ${k}`)
      .join(', ');
  }),
);

await check(
  'GET /api/auth/members/summary/',
  needsLogin(async () => {
    const r = await call('GET', '/api/auth/members/summary/', { token: state.access });
    if (r.status !== 200) return expectStatus(r, 200);
    const pending = (r.body.invitations ?? []).some((i) => i.email === `manager+${stamp}@example.com`);
    return pending ? '' : 'the invitation is not in the summary';
  }),
);

await check(
  'POST /api/auth/billing/checkout/',
  needsLogin(async () => {
    const r = await call('POST', '/api/auth/billing/checkout/', {
      token: state.access,
      json: { plan: 'PRO', cycle: 'MONTHLY' },
    });
    if (r.status === 503 && r.body?.code === 'STRIPE_NOT_CONFIGURED') return 'SKIP Stripe not configured';
    return expectStatus(r, 200) || (typeof r.body.url === 'string' ? '' : 'no url');
  }),
);

await check(
  'POST /api/auth/billing/portal/',
  needsLogin(async () => {
    const r = await call('POST', '/api/auth/billing/portal/', { token: state.access, json: {} });
    if (r.status === 503 && r.body?.code === 'STRIPE_NOT_CONFIGURED') return 'SKIP Stripe not configured';
    return expectStatus(r, 200) || ('url' in r.body ? '' : 'no url');
  }),
);

await check('POST /api/auth/billing/webhook/ (bad signature)', async () => {
  const r = await call('POST', '/api/auth/billing/webhook/', {
    json: { id: 'evt_smoke', type: 'invoice.paid' },
    headers: { 'stripe-signature': 't=1,v1=bad' },
  });
  if (r.status === 503 && r.body?.code === 'STRIPE_NOT_CONFIGURED') return 'SKIP Stripe not configured';
  return expectStatus(r, 400);
});

await check(
  'GET /api/export-excel/',
  needsLogin(async () => {
    const r = await call('GET', `/api/export-excel/?service=${state.serviceId}&format=xlsx`, {
      token: state.access,
    });
    if (r.status !== 200) return expectStatus(r, 200);
    const disposition = r.headers.get('content-disposition') ?? '';
    if (!/attachment; filename="inventaire_/.test(disposition)) return `Content-Disposition: ${disposition}`;
    return r.body.byteLength > 1000 ? '' : `file of ${r.body.byteLength} bytes`;
  }),
);

await check(
  'POST /api/ai/assistant/',
  needsLogin(async () => {
    const r = await call('POST', '/api/ai/assistant/', {
      token: state.access,
      json: { question: 'Que dois-je faire ?' },
    });
    if (r.status !== 200) return expectStatus(r, 200);
    return missing(r.body, ['enabled', 'mode', 'message', 'insights', 'actions', 'request_id'])
      .map((k) => `missing ${k}`)
      .join(', ');
  }),
);

if (process.env.SMOKE_KEEP !== 'true') {
  await check(
    'DELETE /api/auth/delete-account/',
    needsLogin(async () =>
      expectStatus(
        await call('DELETE', '/api/auth/delete-account/', { token: state.access, json: { password } }),
        200,
        204,
      ),
    ),
  );
}

const count = (s) => results.filter((r) => r[0] === s).length;
console.log(`smoke: ${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped`);
process.exit(count('FAIL') ? 1 : 0);
