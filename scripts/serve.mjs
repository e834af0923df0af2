// A tiny static server for www/, bound to 127.0.0.1 only, no dependencies.
//
//   node scripts/serve.mjs            # PORT from the environment, default 8080
//
// Add `?csp` to a page's URL (e.g. /demo/demo-crm.html?csp) to have it served
// under the strict policy the widget must work with:
//   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'
// Responses are never cached, so a rebuild shows on the next reload.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentType } from './content-types.mjs';

const ROOT = fileURLToPath(new URL('../www/', import.meta.url));
const HOST = '127.0.0.1';
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";

/** The file under www/ that a URL path names, or null if it leaves www/. */
function resolve(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = normalize(join(ROOT, path));
  return file === ROOT.slice(0, -1) || file.startsWith(ROOT) ? file : null;
}

async function handle(req, res) {
  const url = new URL(req.url, `http://${HOST}`);
  const headers = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (url.searchParams.has('csp')) headers['Content-Security-Policy'] = STRICT_CSP;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  let file = resolve(url.pathname);
  let info = file && (await stat(file).catch(() => null));
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': contentType(file),
    'Content-Length': info.size,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** Starts the server; resolves with its base URL once it listens. */
export function serve(port = Number(process.env.PORT) || 8080) {
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, HOST, () => ok({ server, base: `http://${HOST}:${server.address().port}/` }));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const { base } = await serve();
  console.log(`touchplan: serving www/ at ${base}`);
  console.log(`  calculator: ${base}calculator/`);
  console.log(`  demo CRM:   ${base}demo/demo-crm.html`);
  console.log('  (Ctrl+C to stop)');
}
