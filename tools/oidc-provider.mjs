// A real OpenID provider for tests: npm's oidc-provider (a certified implementation) on
// 127.0.0.1, with two confidential clients and a few test accounts.
//
//   node tools/oidc-provider.mjs --port 9400 --redirect-uri http://localhost:8080/oidc/callback [--redirect-uri …]
//   (or OIDC_PORT and OIDC_REDIRECT_URIS, comma-separated)
//
// Clients (client_secret_basic, authorization code, PKCE required):
//   vaksam-test / vaksam-test-secret   the client Vaksam is configured with
//   other-client / other-client-secret another relying party (for "wrong audience")
// Accounts: anna (anna@kommun.test, employee number A1001, workplace "Hemtjänst Norr",
// groups [vaksam-coordinators]), bo (bo@kommun.test, no groups), eve (eve@evil.test).
//
// The login and consent pages are the provider's own interactions with a tiny form of
// ours: GET /interaction/:uid shows buttons per account (login) or "Allow" (consent); the
// forms post to /interaction/:uid/login (field `account`) and /interaction/:uid/confirm.
// Tests post those forms like a browser would.
//
// Test hooks (this is a test provider, on loopback only):
//   GET  /test/token-requests        the client id, code and PKCE verifier of each code
//                                    redeemed
//   POST /test/substitute-id-token   {"code": "…", "id_token": "…"}: the token response for
//                                    that code carries this ID token instead of its own (a
//                                    token-substitution attack)
//
// It prints "ready <issuer>" when it listens, and exits when its standard input closes
// (the test process that started it has gone).

import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
  },
});
const port = Number(values.port ?? process.env.OIDC_PORT ?? 9400);
const redirectUris = [
  ...(values['redirect-uri'] ?? []),
  ...(process.env.OIDC_REDIRECT_URIS ?? '').split(',').filter(Boolean),
];
if (!Number.isInteger(port) || port <= 0 || redirectUris.length === 0) {
  console.error('usage: node tools/oidc-provider.mjs --port N --redirect-uri URI [--redirect-uri URI …]');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const ACCOUNTS = {
  anna: {
    email: 'anna@kommun.test', email_verified: true, name: 'Anna Andersson',
    employee_number: 'A1001', workplace: 'Hemtjänst Norr', groups: ['vaksam-coordinators'],
  },
  bo: {
    email: 'bo@kommun.test', email_verified: true, name: 'Bo Berg',
    employee_number: 'B2002', workplace: 'Skolan', groups: [],
  },
  eve: {
    email: 'eve@evil.test', email_verified: true, name: 'Eve Evil',
    employee_number: 'E666', workplace: 'Nowhere', groups: ['vaksam-coordinators'],
  },
};

const client = (id) => ({
  client_id: id,
  client_secret: `${id}-secret`,
  redirect_uris: redirectUris,
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
});

const provider = new Provider(issuer, {
  clients: [client('vaksam-test'), client('other-client')],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'employee_number', 'workplace', 'groups'],
  },
  cookies: { keys: ['vaksam-test-provider-cookie-key'] },
  async findAccount(_ctx, id) {
    const profile = ACCOUNTS[id];
    if (!profile) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...profile }; } };
  },
});

const tokenRequests = [];
const substitutes = new Map();
provider.on('grant.success', (ctx) => {
  tokenRequests.push({
    client_id: ctx.oidc.client?.clientId,
    code: ctx.oidc.params?.code ?? null,
    code_verifier: ctx.oidc.params?.code_verifier ?? null,
  });
});

const html = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

async function formBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

provider.use(async (ctx, next) => {
  const path = ctx.path;
  if (path === '/test/token-requests' && ctx.method === 'GET') {
    ctx.body = tokenRequests;
    return;
  }
  if (path === '/test/substitute-id-token' && ctx.method === 'POST') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const { code, id_token: idToken } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    substitutes.set(code, idToken);
    ctx.status = 204;
    return;
  }
  let m = path.match(/^\/interaction\/([\w-]+)$/);
  if (m && ctx.method === 'GET') {
    const { uid, prompt } = await provider.interactionDetails(ctx.req, ctx.res);
    ctx.set('cache-control', 'no-store');
    ctx.type = 'html';
    if (prompt.name === 'login') {
      const buttons = Object.keys(ACCOUNTS)
        .map((id) => `<button type="submit" name="account" value="${id}">${ACCOUNTS[id].email}</button>`)
        .join('');
      ctx.body = html('Sign in', `<form method="post" action="/interaction/${uid}/login">${buttons}</form>`);
    } else {
      ctx.body = html('Allow', `<form method="post" action="/interaction/${uid}/confirm"><button type="submit">Allow</button></form>`);
    }
    return;
  }
  m = path.match(/^\/interaction\/([\w-]+)\/(login|confirm)$/);
  if (m && ctx.method === 'POST') {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (m[2] === 'login') {
      const account = (await formBody(ctx.req)).get('account');
      if (details.prompt.name !== 'login' || !ACCOUNTS[account]) {
        ctx.status = 400;
        ctx.body = 'unknown account';
        return;
      }
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: account } }, { mergeWithLastSubmission: false });
      return;
    }
    const { prompt: { details: missing }, params, session: { accountId } } = details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: params.client_id });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    const consent = details.grantId ? {} : { grantId };
    await provider.interactionFinished(ctx.req, ctx.res, { consent }, { mergeWithLastSubmission: true });
    return;
  }
  await next();
  const code = path === '/token' ? ctx.oidc?.params?.code : undefined;
  if (code && substitutes.has(code) && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: substitutes.get(code) };
    substitutes.delete(code);
  }
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
process.stdin.resume();
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.on('close', () => process.exit(0));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
