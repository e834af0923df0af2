// The list demo's CRM table: a generated book (book-sample.js) drawn as a
// CRM draws its client list, one marked row per client, for
// <touch-plan-book list="crm-clients"> to read. Segment and manager are
// form fields, so an edit re-plans the book.
import { sampleBook } from './book-sample.js';

const params = new URLSearchParams(location.search);
const n = Math.min(Math.max(Number(params.get('n')) || 200, 1), 5000);
const { clients } = sampleBook({ n, managers: ['Ирина Белова', 'Павел Громов', 'Олег Сидоров'] });
const MANAGERS = ['Ирина Белова', 'Павел Громов', 'Олег Сидоров'];
const ROLES = { decision_maker: 'ЛПР', buyer: 'закупщик' };

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
const field = (tag, name, text, attrs = {}) => el(tag, { 'data-touchplan-field': name, ...attrs }, text);
const ruDate = (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function select(name, options, value, label) {
  const s = field('select', name, '', { 'aria-label': label });
  for (const o of options) s.append(el('option', {}, o));
  s.value = value;
  return s;
}

const rows = clients.map((c) => el('tr', { 'data-touchplan-row': c.id },
  field('td', 'name', c.name),
  el('td', {}, select('segment', ['A+', 'A', 'B', 'C', 'D'], c.segment, `Сегмент: ${c.name}`)),
  el('td', {}, select('manager', MANAGERS, c.manager, `Ответственный: ${c.name}`)),
  el('td', {}, ...c.orders.flatMap((o, i) => [i ? el('br') : '', el('span', { 'data-touchplan-item': '' },
    field('span', 'orders[].date', ruDate(o.date)), ', ',
    field('span', 'orders[].amount', `${o.amount.toLocaleString('ru-RU')} ₽`))])),
  el('td', {}, field('span', 'contacts[].name', c.contacts[0].name), ' (',
    field('span', 'contacts[].role', ROLES[c.contacts[0].role]), ')'),
));
document.querySelector('#crm-clients tbody').append(...rows);

const read = document.getElementById('read');
document.querySelector('touch-plan-book').addEventListener('touchplan-read', (e) => {
  const { rows: count, read: fresh, busyMs, slices } = e.detail;
  read.textContent = `Прочитано строк: ${count} (заново: ${fresh}) за ${Math.round(busyMs)} мс работы, частей: ${slices}.`;
});
