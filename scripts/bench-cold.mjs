// `npm run bench`'s first-plan part (issue 18): what a CRM page pays to show
// one client's month with `<touch-plan>`, beside the calendar library it
// would otherwise embed, the FullCalendar 6 standard bundle (a dev
// dependency, served from node_modules by the bench's own server; it plans
// nothing: it is handed the same plan's touches as events).
//
// - bytes: every file the page fetched to show the first month, gzip -9,
//   measured on the files exactly as dist/web/ ships them (FullCalendar:
//   its bundle and its ru locale);
// - cold start: a fresh browser context per run; from the page's first
//   script (in <head>, before the widget's module or the library's script)
//   to the month in the DOM (`touchplan-change`; FullCalendar: `render()`
//   returned), min and median;
// - warm re-render: the next or previous month, shown and laid out
//   (`offsetHeight` read), min and median of many;
// - one plan in Chromium (median of 20 × 50 calls) and natively.
//
// The figures go to BENCH.md (a section of their own) and BENCH.json; each
// run prints its ratios against the BENCH.json it found.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);

/** The FullCalendar files, under /fc/ on the bench's server. */
function fcFiles(root) {
  return {
    '/fc/index.global.min.js': join(root, 'node_modules', 'fullcalendar', 'index.global.min.js'),
    '/fc/ru.global.min.js': join(root, 'node_modules', '@fullcalendar', 'core', 'locales', 'ru.global.min.js'),
  };
}

export function fullCalendarVersion(root) {
  return JSON.parse(readFileSync(join(root, 'node_modules', 'fullcalendar', 'package.json'), 'utf8')).version;
}

const esc = (json) => json.replaceAll('<', '\\u003c');

/** The widget's page: the element's module in <head>, the input set as a
 * property before the element is defined, as a CRM card would do it. */
function widgetPage(input) {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>cold</title>
<script>window.__t0 = performance.now();</script>
<script type="module" src="/widget/touch-plan-define.js"></script>
</head><body><touch-plan id="tp" lang="ru"></touch-plan>
<script type="application/json" id="bench-input">${esc(JSON.stringify(input))}</script>
<script>
const el = document.getElementById('tp');
el.addEventListener('touchplan-change', () => { window.__t1 = performance.now(); }, { once: true });
el.addEventListener('touchplan-error', (e) => { window.__error = e.detail.message; }, { once: true });
el.input = JSON.parse(document.getElementById('bench-input').textContent);
</script></body></html>`;
}

/** FullCalendar's page: the standard bundle and its ru locale in <head>,
 * a month grid with the plan's touches as events. */
function fcPage(events, today) {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>cold</title>
<script>window.__t0 = performance.now();</script>
<script src="/fc/index.global.min.js"></script>
<script src="/fc/ru.global.min.js"></script>
</head><body><div id="cal"></div>
<script type="application/json" id="bench-events">${esc(JSON.stringify(events))}</script>
<script>
const cal = new FullCalendar.Calendar(document.getElementById('cal'), {
  locale: 'ru', initialView: 'dayGridMonth', initialDate: ${JSON.stringify(today)},
  events: JSON.parse(document.getElementById('bench-events').textContent),
});
cal.render();
window.__t1 = performance.now();
window.__cal = cal;
</script></body></html>`;
}

async function coldRun(browser, base, html, root, which) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/bench-cold.html', (r) => r.fulfill({ contentType: 'text/html', body: html }));
  for (const [path, file] of Object.entries(fcFiles(root))) {
    await page.route(`**${path}`, (r) => r.fulfill({ path: file, contentType: 'text/javascript' }));
  }
  await page.goto(`${base}bench-cold.html`);
  await page.waitForFunction(() => window.__t1 !== undefined || window.__error !== undefined, null, { timeout: 30_000 });
  // What the first month needed: the resources asked for before it showed
  // (the exports' wasm part, loaded after it, is not).
  const r = await page.evaluate(() => ({
    ms: window.__t1 - window.__t0,
    error: window.__error,
    fetched: performance.getEntriesByType('resource').filter((e) => e.startTime <= window.__t1).map((e) => new URL(e.name).pathname),
  }));
  if (r.error) throw new Error(`${which}: ${r.error}`);
  // Warm: the next month, then back, each shown and laid out.
  const warm = await page.evaluate((which) => {
    const times = [];
    if (which === 'widget') {
      const host = document.getElementById('tp');
      const root = host.shadowRoot;
      for (let i = 0; i < 40; i++) {
        const step = i % 2 === 0 ? '1' : '-1';
        const t0 = performance.now();
        root.querySelector(`[data-step="${step}"]`).click();
        void host.offsetHeight;
        times.push(performance.now() - t0);
      }
    } else {
      const cal = window.__cal;
      const el = document.getElementById('cal');
      for (let i = 0; i < 40; i++) {
        const t0 = performance.now();
        if (i % 2 === 0) cal.next();
        else cal.prev();
        void el.offsetHeight;
        times.push(performance.now() - t0);
      }
    }
    return times;
  }, which);
  await context.close();
  return { ms: r.ms, warm, fetched: r.fetched };
}

/** The gzip bytes of the files a page fetched, as dist/web/ ships them. */
function firstPlanBytes(root, fetched, fc) {
  // The page itself and the browser's own favicon request are not the widget's.
  const files = [...new Set(fetched)].filter((p) => !p.endsWith('.html') && p !== '/favicon.ico').sort();
  const rows = files.map((p) => {
    const file = fc[p] ?? join(root, 'dist', 'web', p);
    if (!existsSync(file)) throw new Error(`bench: ${p} was fetched but dist/web/ has no such file (run scripts/build.sh)`);
    const b = readFileSync(file);
    return { path: p, raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
  });
  return { files: rows, raw: rows.reduce((n, r) => n + r.raw, 0), gzip: rows.reduce((n, r) => n + r.gzip, 0) };
}

/**
 * Runs the comparison. `plan` is the typical client's plan (for
 * FullCalendar's events), `input` that client's PlanInput.
 */
export async function coldBench(browser, base, root, { input, plan, runs = 9 }) {
  const events = plan.touches.map((t) => ({ title: `${t.kind} · ${t.channel}`, start: t.date, allDay: true }));
  const pages = { widget: widgetPage(input), fullcalendar: fcPage(events, input.today) };
  const out = { widget: { cold: [], warm: [] }, fullcalendar: { cold: [], warm: [] } };
  let fetched = { widget: [], fullcalendar: [] };
  // One warm-up of each (the OS file cache, the browser's own start).
  for (const which of ['widget', 'fullcalendar']) await coldRun(browser, base, pages[which], root, which);
  for (let i = 0; i < runs; i++) {
    for (const which of ['widget', 'fullcalendar']) {
      const r = await coldRun(browser, base, pages[which], root, which);
      out[which].cold.push(r.ms);
      out[which].warm.push(...r.warm.slice(2));
      fetched[which] = r.fetched;
    }
  }
  const fc = fcFiles(root);
  const summary = (which) => ({
    bytes: firstPlanBytes(root, fetched[which], fc),
    coldMin: min(out[which].cold),
    coldMedian: median(out[which].cold),
    warmMin: min(out[which].warm),
    warmMedian: median(out[which].warm),
  });
  return { runs, widget: summary('widget'), fullcalendar: summary('fullcalendar') };
}

/** One plan in Chromium: median of 20 batches of 50 calls, after 100. */
export async function onePlanChromium(browser, base, input) {
  const page = await browser.newPage();
  await page.route('**/bench.html', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
  await page.goto(`${base}bench.html`);
  const us = await page.evaluate(async (input) => {
    const api = await import('/api.js');
    await api.default();
    for (let i = 0; i < 100; i++) api.plan(input);
    const per = [];
    for (let s = 0; s < 20; s++) {
      const t0 = performance.now();
      for (let i = 0; i < 50; i++) api.plan(input);
      per.push(((performance.now() - t0) / 50) * 1000);
    }
    return [...per].sort((a, b) => a - b)[10];
  }, input);
  await page.close();
  return us;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const fmtMs = (n) => `${n.toFixed(1)} ms`;

/** Ratio cell: this run over the previous one. */
function ratio(now, before) {
  if (before == null || !now) return '';
  return `${(now / before).toFixed(2)}×`;
}

/** The figures that BENCH.json keeps, flat. */
export function coldFigures(c, one) {
  return {
    widgetBytesGzip: c.widget.bytes.gzip,
    widgetWasmGzip: c.widget.bytes.files.filter((f) => f.path.endsWith('.wasm')).reduce((n, f) => n + f.gzip, 0),
    widgetColdMinMs: c.widget.coldMin,
    widgetColdMedianMs: c.widget.coldMedian,
    widgetWarmMinMs: c.widget.warmMin,
    widgetWarmMedianMs: c.widget.warmMedian,
    fcBytesGzip: c.fullcalendar.bytes.gzip,
    fcColdMinMs: c.fullcalendar.coldMin,
    fcColdMedianMs: c.fullcalendar.coldMedian,
    fcWarmMinMs: c.fullcalendar.warmMin,
    fcWarmMedianMs: c.fullcalendar.warmMedian,
    onePlanChromiumUs: one.chromiumUs,
    onePlanNativeUs: one.nativeUs,
  };
}

/** BENCH.md's section; `previous` is the last BENCH.json's figures. */
export function coldSection(c, one, previous, fcVersion) {
  const now = coldFigures(c, one);
  const p = previous ?? {};
  const wasm = c.widget.bytes.files.filter((f) => f.path.endsWith('.wasm')).reduce((n, f) => n + f.gzip, 0);
  const js = c.widget.bytes.gzip - wasm;
  return [
    '## First plan: `<touch-plan>` beside FullCalendar',
    '',
    `One typical client (scripts/bench-inputs.mjs), its month in Russian. FullCalendar ${fcVersion} standard bundle (\`index.global.min.js\` and its ru locale, from node_modules), handed the same plan's touches as events: it plans nothing. Cold: a fresh browser context per run, ${c.runs} runs each, from the page's first script to the month in the DOM. Warm: the next or previous month shown and laid out, ${c.runs * 38} times. Bytes: every file the page fetched, gzip -9, as dist/web/ ships it. The last column is this run over the previous one (BENCH.json).`,
    '',
    '| measure | `<touch-plan>` | FullCalendar 6 | widget / FullCalendar | widget, this run / previous |',
    '|---|---|---|---|---|',
    `| bytes to show the first plan, gzip | ${kib(c.widget.bytes.gzip)} (wasm ${kib(wasm)}, JS ${kib(js)}) | ${kib(c.fullcalendar.bytes.gzip)} | ${(c.widget.bytes.gzip / c.fullcalendar.bytes.gzip).toFixed(2)}× | ${ratio(now.widgetBytesGzip, p.widgetBytesGzip)} |`,
    `| cold: first script → month rendered, min / median | ${fmtMs(c.widget.coldMin)} / ${fmtMs(c.widget.coldMedian)} | ${fmtMs(c.fullcalendar.coldMin)} / ${fmtMs(c.fullcalendar.coldMedian)} | ${(c.widget.coldMin / c.fullcalendar.coldMin).toFixed(2)}× | ${ratio(now.widgetColdMinMs, p.widgetColdMinMs)} |`,
    `| warm re-render of a month, min / median | ${fmtMs(c.widget.warmMin)} / ${fmtMs(c.widget.warmMedian)} | ${fmtMs(c.fullcalendar.warmMin)} / ${fmtMs(c.fullcalendar.warmMedian)} | ${(c.widget.warmMedian / c.fullcalendar.warmMedian).toFixed(2)}× | ${ratio(now.widgetWarmMedianMs, p.widgetWarmMedianMs)} |`,
    `| one \`plan\`, Chromium / native | ${one.chromiumUs.toFixed(0)} µs / ${one.nativeUs.toFixed(0)} µs (${(one.chromiumUs / one.nativeUs).toFixed(2)}×) | | | ${ratio(now.onePlanChromiumUs, p.onePlanChromiumUs)} / ${ratio(now.onePlanNativeUs, p.onePlanNativeUs)} |`,
    '',
    'Files of the first plan:',
    '',
    '| file | raw | gzip |',
    '|---|---|---|',
    ...c.widget.bytes.files.map((f) => `| ${f.path} | ${kib(f.raw)} | ${kib(f.gzip)} |`),
    ...c.fullcalendar.bytes.files.map((f) => `| ${f.path} (FullCalendar) | ${kib(f.raw)} | ${kib(f.gzip)} |`),
    '',
  ];
}
