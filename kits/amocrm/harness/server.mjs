// The amoCRM harness: a server on 127.0.0.1 that plays amoCRM's side of a
// widget, with our code and the real loaders:
//
//   /leads/detail/<id>, /contacts/detail/<id>, /companies/detail/<id>
//   /settings/widgets/<code>
//                        a card page (card.html) that sets the session
//                        cookie and runs app.js, the APP/widget-object
//                        stand-in, under a strict CSP
//   /vendor/require.js   RequireJS from npm; /vendor/jquery.js jQuery from npm
//   /upl/<code>/widget/  the files of dist/amocrm/widget.zip, unzipped
//   /api/v4/…            api-standin.mjs: fixtures, 204, 401
//
//   node kits/amocrm/harness/server.mjs   # PORT (default 8090), then open
//                                         # http://127.0.0.1:8090/leads/detail/1003
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES, contentType } from '../../../scripts/content-types.mjs';
import { unzip } from '../zip.mjs';
import { answer, loadAccount } from './api-standin.mjs';

const HERE = new URL('./', import.meta.url);
const ROOT = new URL('../../../', import.meta.url);
const HOST = '127.0.0.1';
const SESSION = 'amocrm_session=harness';
// What a CRM page could plausibly allow a widget; amoCRM's real policy is
// unknown here (README "amoCRM/Kommo": what the harness cannot prove).
export const HARNESS_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

const VENDOR = {
  '/vendor/require.js': new URL('node_modules/requirejs/require.js', ROOT),
  '/vendor/jquery.js': new URL('node_modules/jquery/dist/jquery.js', ROOT),
};

/**
 * Starts a harness. Options: `port` (0: any free one), `code` (the
 * widget code in /upl/<code>/widget/), `wasmType` (the Content-Type of
 * .wasm files, to show a wrong one still works), `settings` (what
 * get_settings() returns beside widget_code), `lang`, `zipFile`.
 * Returns `{ url, requests, account, state, close() }`: every /api/v4
 * request is recorded (`{ method, url, body }`); `state.session = false`
 * ends the session (401).
 */
export async function startHarness({
  port = 0, code = 'touchplan', wasmType = 'application/wasm', settings = {}, lang = 'ru',
  zipFile = new URL('dist/amocrm/widget.zip', ROOT),
} = {}) {
  const widget = unzip(readFileSync(zipFile));
  const account = loadAccount();
  const requests = [];
  const state = { session: true };
  const config = {
    code, lang, path: `/upl/${code}/widget`, settings,
    account: { id: account.account.id, subdomain: account.account.subdomain, timezone: account.account.timezone },
  };
  const card = readFileSync(new URL('card.html', HERE), 'utf8')
    .replace('{{config}}', JSON.stringify(config).replace(/</g, '\\u003c'));

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${HOST}`);
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...(type ? { 'Content-Type': type } : {}), ...headers });
      res.end(body);
    };
    if (url.pathname.startsWith('/api/v4/')) {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const text = Buffer.concat(chunks).toString('utf8');
      let body;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      requests.push({ method: req.method, url: url.pathname + url.search, body });
      const session = state.session && (req.headers.cookie ?? '').split(/;\s*/).includes(SESSION);
      const a = answer(account, { method: req.method, url: url.pathname + url.search, body, session });
      send(a.status, a.type, a.status === 204 ? undefined : JSON.stringify(a.body));
      return;
    }
    if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed\n');
    if (/^\/(leads|contacts|companies)\/detail\/\d+$/.test(url.pathname) || url.pathname === `/settings/widgets/${code}`) {
      return send(200, CONTENT_TYPES['.html'], card, { 'Content-Security-Policy': HARNESS_CSP, 'Set-Cookie': `${SESSION}; Path=/; HttpOnly; SameSite=Lax` });
    }
    if (VENDOR[url.pathname]) return send(200, contentType(url.pathname), readFileSync(VENDOR[url.pathname]));
    if (['/harness/app.js', '/harness/card.css'].includes(url.pathname)) {
      return send(200, contentType(url.pathname), readFileSync(new URL(url.pathname.slice('/harness/'.length), HERE)));
    }
    const prefix = `/upl/${code}/widget/`;
    if (url.pathname.startsWith(prefix)) {
      const file = widget.get(decodeURIComponent(url.pathname.slice(prefix.length)));
      if (file) return send(200, url.pathname.endsWith('.wasm') ? wasmType : contentType(url.pathname), file);
    }
    send(404, 'text/plain; charset=utf-8', 'not found\n');
  });
  await new Promise((resolve) => server.listen(port, HOST, resolve));
  return {
    url: `http://${HOST}:${server.address().port}`,
    requests,
    account,
    state,
    close: () => new Promise((resolve) => {
      server.close(resolve);
      // A browser keeps its connections alive; the harness ends them.
      server.closeAllConnections();
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const harness = await startHarness({ port: Number(process.env.PORT) || 8090 });
  console.log(`amoCRM harness: ${harness.url}/leads/detail/1003 (also /companies/detail/3001, /contacts/detail/2004)`);
}
