// Styles of the <touch-plan> shadow root. Theming goes through the
// `--touch-plan-*` custom properties below and the ::part() names in the
// markup; nothing else of the host page reaches inside.

// The theme: every `--touch-plan-*` custom property and its default. Values
// set on the element or any ancestor (even :root) win over these defaults.
export const THEME = {
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  'font-size': '14px',
  'color': '#1f2328',
  'background': '#ffffff',
  'border-color': '#d1d9e0',
  'radius': '8px',
  'focus-color': '#8250df',
  'muted-color': '#59636e',
  'button-background': '#f6f8fa',
  'button-hover-background': '#eef1f4',
  'accent-color': '#0969da',
  'accent-contrast-color': '#ffffff',
  'summary-background': '#f6f8fa',
  'warning-color': '#9a6700',
  'error-color': '#d1242f',
  'error-background': '#ffebe9',
  'day-background': '#ffffff',
  'day-border-color': '#eaeef2',
  'today-color': '#0969da',
  'selected-background': '#ddf4ff',
  'list-max-height': '32em',
  'details-background': '#ffffff',
  'notice-background': '#fff8c5',
};

const v = (name) => `var(--touch-plan-${name}, ${THEME[name]})`;

const KIND_COLORS = {
  mandatory: '#cf222e',
  standard: '#1a7f37',
  need: '#0969da',
  event: '#8250df',
  meeting: '#0a3069',
  greeting: '#bf3989',
  renewal: '#bc4c00',
  check: '#1b7c83',
  apology: '#6e2b00',
  first_day: '#9a6700',
  onboarding: '#57606a',
};

const kindRules = Object.entries(KIND_COLORS)
  .map(([kind, color]) => `.kind-${kind} { --kind-color: var(--touch-plan-kind-${kind}, ${color}); }`)
  .join('\n');

export const CSS = `
:host {
  display: block;
  box-sizing: border-box;
  contain: content;
}
:host([hidden]), [hidden] { display: none !important; }
*, *::before, *::after { box-sizing: border-box; }

/* Inherited properties (font, colour, line height…) of the host page stop here. */
.root {
  all: initial;
  display: block;
  container-type: inline-size;
  font-family: ${v('font-family')};
  font-size: ${v('font-size')};
  line-height: 1.4;
  color: ${v('color')};
  background-color: ${v('background')};
  border: 1px solid ${v('border-color')};
  border-radius: ${v('radius')};
  padding: 12px;
  text-align: start;
  overflow-wrap: anywhere;
}
h2, h3, h4, p, ul, ol, dl, dd, table { margin: 0; padding: 0; }
ul, ol { list-style: none; }
button {
  all: unset;
  box-sizing: border-box;
  cursor: pointer;
  font: inherit;
  color: inherit;
}
/* Focus is a thick ring outside the element, unlike "today" (a filled
   day number) and the picked day (a tinted background). */
button:focus-visible, [role="gridcell"]:focus-visible, summary:focus-visible {
  outline: 3px solid ${v('focus-color')};
  outline-offset: 2px;
  box-shadow: 0 0 0 2px ${v('background')};
}
.link {
  color: ${v('accent-color')};
  text-decoration: underline;
  text-underline-offset: 2px;
}
.muted { color: ${v('muted-color')}; }

.header {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 8px;
  margin-bottom: 10px;
}
.title { font-size: 1.15em; font-weight: 600; }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px; }
.btn {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  padding: 4px 10px;
  border: 1px solid ${v('border-color')};
  border-radius: calc(${v('radius')} - 2px);
  background-color: ${v('button-background')};
  font-size: 0.93em;
  white-space: nowrap;
}
.btn:hover { background-color: ${v('button-hover-background')}; }
.btn[aria-pressed="true"] {
  background-color: ${v('accent-color')};
  border-color: ${v('accent-color')};
  color: ${v('accent-contrast-color')};
}
.btn:disabled, .btn[aria-disabled="true"] { opacity: 0.45; cursor: default; }

.summary {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(130px, 1fr));
  gap: 8px;
  margin-bottom: 10px;
}
.stat {
  padding: 6px 8px;
  border-radius: calc(${v('radius')} - 2px);
  background-color: ${v('summary-background')};
}
.stat dt { font-size: 0.8em; color: ${v('muted-color')}; }
.stat dd { font-weight: 600; }
.stat dd .muted { font-weight: 400; font-size: 0.86em; }
.stat .note { display: block; }
.stat .figure { font-size: 1.15em; }
.warnings { margin-top: 10px; }
.warnings > summary { cursor: pointer; color: ${v('warning-color')}; font-weight: 600; }
.warnings > .help { margin: 4px 0; }
.warning-groups > li { margin: 4px 0 0 0; padding-inline-start: 10px; border-inline-start: 2px solid ${v('warning-color')}; }
.warning-group > summary { cursor: pointer; }
.warning-group .count {
  display: inline-block;
  margin-inline-start: 6px;
  padding: 0 6px;
  border-radius: 10px;
  font-size: 0.8em;
  font-weight: 600;
  background-color: ${v('notice-background')};
  border: 1px solid ${v('warning-color')};
}
.warning-group .dates { display: flex; flex-wrap: wrap; gap: 2px 12px; }
.warning-group .messages li { margin-top: 2px; }

.error {
  padding: 10px;
  border: 1px solid ${v('error-color')};
  border-radius: calc(${v('radius')} - 2px);
  background-color: ${v('error-background')};
  margin-bottom: 10px;
}
.error h3 { font-size: 1em; color: ${v('error-color')}; }
.error li { margin-top: 4px; }
.error .field { font-weight: 600; }
.error code { font-family: ui-monospace, monospace; font-size: 0.86em; color: ${v('muted-color')}; }
.status { padding: 16px 4px; color: ${v('muted-color')}; }

.body { display: grid; gap: 12px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 640px) {
  .body { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
}

.month-nav { display: flex; align-items: center; justify-content: space-between; gap: 6px; margin-bottom: 6px; }
.month-title { font-weight: 600; text-align: center; flex: 1; }
.grid { width: 100%; border-collapse: separate; border-spacing: 2px; table-layout: fixed; }
.grid th { font-size: 0.8em; font-weight: 500; color: ${v('muted-color')}; padding: 2px 0; text-align: center; }
.day {
  height: 44px;
  vertical-align: top;
  padding: 3px;
  border-radius: 4px;
  background-color: ${v('day-background')};
  border: 1px solid ${v('day-border-color')};
  cursor: pointer;
  position: relative;
}
.day.outside { background: transparent; border-color: transparent; cursor: default; }
.day .num { font-size: 0.85em; display: block; }
.day.today .num {
  display: inline-block;
  min-width: 1.6em;
  text-align: center;
  border-radius: 0.8em;
  font-weight: 700;
  color: ${v('accent-contrast-color')};
  background-color: ${v('today-color')};
}
.day[aria-selected="true"] {
  background-color: ${v('selected-background')};
  border-color: ${v('accent-color')};
}
.markers { display: flex; flex-wrap: wrap; gap: 2px; margin-top: 2px; }
.marker {
  display: inline-block;
  min-width: 10px;
  height: 10px;
  border-radius: 5px;
  background-color: var(--kind-color);
  border: 2px solid var(--kind-color);
}
.marker.automated { background: transparent; }
.marker.slot { border-style: dashed; background-color: color-mix(in srgb, var(--kind-color) 25%, transparent); }
.marker.past { --kind-color: ${v('muted-color')}; background: transparent; border-style: dotted; }
.day.past { background-color: ${v('summary-background')}; }
.marker.scheduled { box-shadow: 0 0 0 2px ${v('background')}, 0 0 0 3px var(--kind-color); }
.marker .label { display: none; }
@container (min-width: 640px) {
  .day { height: 58px; }
  .marker { height: auto; min-width: 0; max-width: 100%; padding: 0 4px; border-radius: 4px; font-size: 0.72em; line-height: 1.3; color: ${v('accent-contrast-color')}; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
  .marker.automated, .marker.slot, .marker.past { color: ${v('color')}; }
  .marker .label { display: inline; }
}
.help { font-size: 0.8em; margin-top: 4px; }

.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin-top: 10px; font-size: 0.85em; }
.legend li { display: inline-flex; align-items: center; gap: 5px; }
/* Outside the grid a marker is a swatch: the kind is written beside it. */
.sample { --kind-color: ${v('muted-color')}; }
.legend .marker, .list-item .marker { width: 12px; min-width: 12px; height: 12px; padding: 0; }
.legend .marker .label, .list-item .marker .label { display: none; }

/* A long agenda scrolls inside the widget instead of stretching the CRM card. */
.list { max-height: ${v('list-max-height')}; overflow-y: auto; overscroll-behavior: contain; }
.list-month { font-weight: 600; margin: 10px 0 4px; }
.list-month:first-child { margin-top: 0; }
.list-item {
  display: grid;
  grid-template-columns: auto minmax(0, 1fr);
  gap: 2px 8px;
  width: 100%;
  padding: 6px 8px;
  border-radius: 6px;
  border: 1px solid transparent;
}
.list-item:hover { background-color: ${v('button-hover-background')}; }
.list-item[aria-current="true"] { background-color: ${v('selected-background')}; border-color: ${v('accent-color')}; }
.list-item .marker { margin-top: 4px; }
.list-item .when { font-weight: 600; }
.list-item .what { grid-column: 2; font-size: 0.9em; }

.details {
  padding: 10px;
  border: 1px solid ${v('border-color')};
  border-radius: calc(${v('radius')} - 2px);
  background-color: ${v('details-background')};
}
.details h3 { font-size: 1.05em; margin-bottom: 6px; }
.details .touch + .touch { margin-top: 12px; padding-top: 12px; border-top: 1px dashed ${v('border-color')}; }
.facts { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 3px 10px; margin: 6px 0; }
.facts dt { color: ${v('muted-color')}; }
@container (max-width: 420px) {
  .facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .facts dt { font-size: 0.85em; margin-top: 4px; }
}
.badge {
  display: inline-block;
  padding: 0 6px;
  border-radius: 10px;
  font-size: 0.8em;
  background-color: ${v('summary-background')};
  border: 1px solid ${v('border-color')};
  margin: 2px 4px 2px 0;
}
.badge.kind { color: ${v('accent-contrast-color')}; background-color: var(--kind-color); border-color: var(--kind-color); }
.notice {
  padding: 6px 8px;
  margin: 6px 0;
  border-radius: 6px;
  border-inline-start: 3px solid ${v('warning-color')};
  background-color: ${v('notice-background')};
}
.section-title { font-weight: 600; margin-top: 8px; }
.notes li { padding-inline-start: 12px; position: relative; }
.notes li::before { content: "•"; position: absolute; inset-inline-start: 0; }
.reasons { counter-reset: reason; }
.reasons li { margin-top: 6px; padding-inline-start: 22px; position: relative; }
.reasons li::before {
  counter-increment: reason;
  content: counter(reason);
  position: absolute;
  inset-inline-start: 0;
  width: 16px;
  text-align: center;
  font-size: 0.8em;
  border-radius: 8px;
  background-color: ${v('summary-background')};
}
.reason-title { font-weight: 600; }
.reason-hint, .reason-why { font-size: 0.9em; }
.reason-why { color: ${v('muted-color')}; }
${kindRules}

.print-only { display: none; }
@media print {
  .root { border: none; padding: 0; }
  .toolbar, .month-nav, .help, .body, .warnings, button { display: none !important; }
  .print-only { display: block; }
  .print-months { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 10px; }
  .print-month { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 0.75em; break-inside: avoid; }
  .print-month caption { font-weight: 600; text-align: start; }
  .print-month th, .print-month td { border: 1px solid #999; vertical-align: top; padding: 1px 2px; height: 2.6em; }
  .print-month th { height: auto; font-weight: 500; }
  .print-mark { display: block; font-size: 0.85em; line-height: 1.1; color: var(--kind-color); overflow: hidden; white-space: nowrap; }
  .print-list { width: 100%; border-collapse: collapse; margin-top: 12px; font-size: 0.85em; }
  .print-list th, .print-list td { border-bottom: 1px solid #bbb; text-align: start; padding: 2px 4px; vertical-align: top; }
  .print-list tr { break-inside: avoid; }
}
`;

let sharedSheet = null;

/**
 * Puts the styles into `shadowRoot`: one constructable stylesheet shared by
 * every instance (CSP does not apply to it), else a `<style>` element.
 */
export function adoptStyles(shadowRoot) {
  try {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(CSS);
    }
    shadowRoot.adoptedStyleSheets = [sharedSheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS;
    shadowRoot.prepend(style);
  }
}
