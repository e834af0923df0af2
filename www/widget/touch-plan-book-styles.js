// Styles of the <touch-plan-book> shadow root: the <touch-plan> widget's
// (touch-plan-styles.js: the same `--touch-plan-*` theme, buttons, focus
// ring, kind colours, error box) and the book's own below. Theming goes
// through the same custom properties and the ::part() names in the markup.

import { CSS, THEME } from './touch-plan-styles.js';

const v = (name) => `var(--touch-plan-${name}, ${THEME[name]})`;

export const BOOK_CSS = `
[role="tab"]:focus-visible, [role="tabpanel"]:focus-visible, .bar:focus-visible, .item:focus-visible, input:focus-visible {
  outline: 3px solid ${v('focus-color')};
  outline-offset: 2px;
}
.tabs { display: flex; gap: 4px; border-bottom: 1px solid ${v('border-color')}; margin-bottom: 10px; }
.tab {
  padding: 6px 12px;
  border: 1px solid transparent;
  border-bottom: none;
  border-radius: calc(${v('radius')} - 2px) calc(${v('radius')} - 2px) 0 0;
  color: ${v('muted-color')};
}
.tab[aria-selected="true"] {
  color: ${v('color')};
  font-weight: 600;
  border-color: ${v('border-color')};
  background-color: ${v('background')};
  margin-bottom: -1px;
}
.progress { display: grid; gap: 6px; padding: 10px 4px; }
.progress .row { display: flex; align-items: center; gap: 10px; }
.bar-track { flex: 1; height: 10px; border-radius: 5px; background-color: ${v('summary-background')}; border: 1px solid ${v('border-color')}; overflow: hidden; }
.bar-fill { height: 100%; width: 0; background-color: ${v('accent-color')}; transition: width 0.2s; }
.notice { padding: 8px 10px; border-radius: 6px; background-color: ${v('notice-background')}; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-bottom: 10px; }
.day-picker { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; margin-bottom: 8px; }
.day-picker .date-title { font-weight: 600; margin-inline-start: 6px; }
.downloads { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.day-picker .downloads { margin-inline-start: auto; }
.root > .downloads { margin-top: 10px; }
.downloads .btn[aria-busy="true"] { cursor: progress; opacity: 0.6; }
input[type="date"] { font: inherit; color: inherit; padding: 2px 6px; border: 1px solid ${v('border-color')}; border-radius: 4px; background-color: ${v('background')}; }
.manager { margin-top: 10px; }
.managers { display: grid; gap: 0 16px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 760px) {
  .today-view .managers { grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); align-items: start; }
}
.manager h3 { font-size: 1em; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.manager h3 .load { font-weight: 400; color: ${v('muted-color')}; font-size: 0.9em; }
.manager h3 .load.over { color: ${v('error-color')}; font-weight: 600; }
.agenda { display: grid; gap: 2px; margin-top: 4px; }
.item {
  display: grid;
  grid-template-columns: auto minmax(0, 1fr);
  gap: 0 8px;
  width: 100%;
  padding: 5px 8px;
  border-radius: 6px;
  border: 1px solid transparent;
}
.item:hover { background-color: ${v('button-hover-background')}; }
.item[aria-current="true"] { background-color: ${v('selected-background')}; border-color: ${v('accent-color')}; }
.item .marker { width: 12px; min-width: 12px; height: 12px; padding: 0; margin-top: 4px; }
.item .who { font-weight: 600; }
.item .what, .item .reason { grid-column: 2; font-size: 0.9em; }
.item .reason { color: ${v('muted-color')}; }
.tag { display: inline-block; font-size: 0.78em; padding: 0 5px; border-radius: 4px; border: 1px solid ${v('border-color')}; margin-inline-start: 6px; font-weight: 400; }
.chart { display: flex; align-items: flex-end; gap: 2px; height: 84px; padding: 4px 2px 0; overflow-x: auto; overscroll-behavior-x: contain; position: relative; border-bottom: 1px solid ${v('border-color')}; }
.week { display: flex; align-items: flex-end; gap: 1px; height: 100%; padding-inline-end: 4px; border-inline-end: 1px dotted ${v('day-border-color')}; }
.bar { position: relative; width: 7px; min-width: 7px; height: 100%; display: flex; align-items: flex-end; cursor: pointer; }
.bar .fill { width: 100%; background-color: ${v('accent-color')}; border-radius: 2px 2px 0 0; }
.bar .cap { position: absolute; left: -1px; right: -1px; height: 0; border-top: 2px solid ${v('muted-color')}; }
.bar.over .fill { background-color: ${v('error-color')}; }
.bar[aria-current="true"] .fill { outline: 2px solid ${v('focus-color')}; }
.manager-summary { font-size: 0.85em; color: ${v('muted-color')}; margin-top: 2px; }
.overloads, .moves { font-size: 0.85em; margin-top: 6px; }
.overloads li { color: ${v('error-color')}; margin-top: 2px; }
.moves li { margin-top: 2px; }
details > summary { cursor: pointer; margin-top: 6px; font-size: 0.9em; }
.table-wrap { max-height: ${v('list-max-height')}; overflow: auto; }
table.clients { width: 100%; border-collapse: collapse; font-size: 0.92em; }
table.clients th { text-align: start; font-weight: 600; padding: 4px 6px; border-bottom: 1px solid ${v('border-color')}; position: sticky; top: 0; background-color: ${v('background')}; }
table.clients td { padding: 4px 6px; border-bottom: 1px solid ${v('day-border-color')}; vertical-align: top; }
table.clients td.num, table.clients th.num { text-align: end; }
table.clients .failed { color: ${v('error-color')}; }
`;

let sharedSheet = null;

/** The widget's styles and the book's, one shared constructable sheet (CSP does not apply to it), else a `<style>`. */
export function adoptBookStyles(shadowRoot) {
  try {
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(CSS + BOOK_CSS);
    }
    shadowRoot.adoptedStyleSheets = [sharedSheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS + BOOK_CSS;
    shadowRoot.prepend(style);
  }
}
