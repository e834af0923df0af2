// The offline Bitrix24 harness: two origins on 127.0.0.1.
//
//   portal  http://127.0.0.1:<p>   plays the portal: a CRM card page
//           (portal.html) that names the app's iframe DOMAIN|PROTOCOL|APP_SID,
//           form-POSTs the placement fields to the handler and answers the
//           SDK's postMessage commands; and /rest/<method>, answered from
//           fixtures with CORS, 50-record pages with `next`, and the first
//           token of each page load expiring after one request.
//   app     http://localhost:<q>   serves the built dist/bitrix24/ as the
//           app's own host would, GET and POST (the handler is POSTed to).
//
// Only the portal is a stand-in: the app, the widget, the wasm and the
// official SDK are the built files. `node kits/bitrix24/harness/server.mjs`
// starts it by hand (PORTAL_PORT, APP_PORT) and prints the card URLs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_TYPES, contentType } from '../../../scripts/content-types.mjs';
import { APP_OPTIONS, CARDS, portalData } from './fixtures.mjs';
import { createPortalRest } from './portal-rest.mjs';

const HOST = '127.0.0.1';
const HERE = fileURLToPath(new URL('./', import.meta.url));
const DIST = fileURLToPath(new URL('../../../dist/bitrix24/', import.meta.url));
const PORTAL_FILES = new Set(['portal.html', 'portal.js', 'portal.css']);

/** Starts both servers; resolves with their origins, the logs and `close()`. */
export async function startHarness({ portalPort = 0, appPort = 0, dist = DIST } = {}) {
  const log = { rest: [], preflights: [], handlerPosts: [] };
  let rest = createPortalRest(portalData());
  const tokenUses = new Map();
  let appOrigin = '';

  const portal = createServer((req, res) => portalRequest(req, res).catch((e) => fail500(res, e)));
  const app = createServer((req, res) => appRequest(req, res).catch((e) => fail500(res, e)));
  const portalOrigin = `http://${HOST}:${await listen(portal, portalPort)}`;
  appOrigin = `http://localhost:${await listen(app, appPort)}`;

  async function portalRequest(req, res) {
    const url = new URL(req.url, portalOrigin);
    if (url.pathname.startsWith('/rest/')) return restRequest(req, res, url);
    if (url.pathname === '/harness.json') {
      return send(res, 200, CONTENT_TYPES['.json'], JSON.stringify({
        appOrigin, handler: `${appOrigin}/index.html`, install: `${appOrigin}/install.html`, appOptions: APP_OPTIONS, cards: CARDS,
        titles: Object.fromEntries(Object.entries(CARDS).map(([placement, id]) => [placement, cardTitle(rest.data, placement, id)])),
      }));
    }
    const name = url.pathname === '/' ? 'portal.html' : url.pathname.slice(1);
    if (req.method !== 'GET' || !PORTAL_FILES.has(name)) return send(res, 404, 'text/plain', 'not found\n');
    return send(res, 200, contentType(name), await readFile(join(HERE, name)));
  }

  // REST: CORS for the app's origin on every answer (errors too, so the SDK
  // can read `expired_token`), and the preflight its JSON POST needs.
  async function restRequest(req, res, url) {
    const cors = {
      'Access-Control-Allow-Origin': appOrigin,
      'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'content-type',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
    if (req.method === 'OPTIONS') {
      log.preflights.push({ origin: req.headers.origin, path: url.pathname });
      res.writeHead(204, cors).end();
      return;
    }
    const method = decodeURIComponent(url.pathname.slice('/rest/'.length)).replace(/\.json$/, '');
    const body = await readBody(req);
    const params = /json/.test(req.headers['content-type'] ?? '') ? JSON.parse(body || '{}') : Object.fromEntries(new URLSearchParams(body));
    const { auth, ...rest_ } = params;
    const answer = authorise(auth) ?? rest.answer(method, rest_);
    log.rest.push({ method, params: rest_, auth, origin: req.headers.origin, status: answer.status, error: answer.body.error, result: answer.body.result });
    send(res, answer.status, CONTENT_TYPES['.json'], JSON.stringify(answer.body), cors);
  }

  // Tokens of a page load are auth-<session>-<n>: n = 1 works for one
  // request and then has expired; any later one (after refreshAuth) works.
  function authorise(auth) {
    const m = /^auth-[0-9a-f]+-(\d+)$/.exec(auth ?? '');
    if (!m) return { status: 401, body: { error: 'invalid_token', error_description: 'The access token provided is invalid.' } };
    const uses = (tokenUses.get(auth) ?? 0) + 1;
    tokenUses.set(auth, uses);
    if (m[1] === '1' && uses > 1) {
      return { status: 401, body: { error: 'expired_token', error_description: 'The access token provided has expired.' } };
    }
    return null;
  }

  async function appRequest(req, res) {
    const url = new URL(req.url, appOrigin);
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'POST') {
      return send(res, 405, 'text/plain', 'method not allowed\n', { Allow: 'GET, HEAD, POST' });
    }
    let path;
    try { path = decodeURIComponent(url.pathname); } catch { return send(res, 400, 'text/plain', 'bad path\n'); }
    const file = normalize(join(dist, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dist) || !(await stat(file).catch(() => null))?.isFile()) return send(res, 404, 'text/plain', 'not found\n');
    if (req.method === 'POST') {
      const fields = Object.fromEntries(new URLSearchParams(await readBody(req)));
      log.handlerPosts.push({ path: url.pathname, contentType: req.headers['content-type'], fields });
    }
    return send(res, 200, contentType(file), req.method === 'HEAD' ? '' : await readFile(file));
  }

  return {
    portalOrigin,
    appOrigin,
    log,
    get rest() { return rest; },
    /** The portal page showing a card tab (placement and id) or, with `install`, the install page. */
    cardUrl: (placement, id = CARDS[placement]) => `${portalOrigin}/portal.html?placement=${placement}&id=${id}`,
    installUrl: () => `${portalOrigin}/portal.html?install=1`,
    /** Fresh fixtures and empty logs. */
    reset() {
      rest = createPortalRest(portalData());
      tokenUses.clear();
      for (const list of Object.values(log)) list.length = 0;
    },
    close: () => Promise.all([portal, app].map((s) => new Promise((ok) => { s.closeAllConnections(); s.close(ok); }))),
  };
}

function cardTitle(data, placement, id) {
  const table = { CRM_DEAL_DETAIL_TAB: 'deals', CRM_COMPANY_DETAIL_TAB: 'companies', CRM_CONTACT_DETAIL_TAB: 'contacts', CRM_LEAD_DETAIL_TAB: 'leads' }[placement];
  const r = data[table]?.find((x) => x.ID === id);
  return r ? r.TITLE ?? [r.NAME, r.LAST_NAME].filter(Boolean).join(' ') : '';
}

function listen(server, port) {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => ok(server.address().port));
  });
}

function readBody(req) {
  return new Promise((ok, fail) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => { size += c.length; if (size > 1e6) req.destroy(); else chunks.push(c); });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(body);
}

function fail500(res, e) {
  console.error(e);
  if (!res.headersSent) res.writeHead(500);
  res.end();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const h = await startHarness({ portalPort: Number(process.env.PORTAL_PORT) || 0, appPort: Number(process.env.APP_PORT) || 0 });
  console.log(`Bitrix24 harness: portal ${h.portalOrigin}, app ${h.appOrigin} (serving dist/bitrix24/)`);
  for (const placement of Object.keys(CARDS)) console.log(`  ${placement.padEnd(24)} ${h.cardUrl(placement)}`);
  console.log(`  install                  ${h.installUrl()}`);
}
