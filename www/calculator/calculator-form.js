// The calculator's form: every control is bound to the JSON path of the
// PlanInput field it edits (`client.contacts[1].birthday`), which is also
// the path the engine names in its errors, so an error lands on its field.
// The state object is the source of truth: the form edits it in place and
// keeps fields it has no control for (a contact's interests, history…).

import { ct, policyValueLabel, segmentFieldLabel, settingLabel } from './calculator-i18n.js';
import { channelLabel, formatNumber, localiseDates, roleLabel, ruleLabel } from '../widget/touch-plan-i18n.js';
import { parseDate } from '../widget/host-reader.js';
import { DAYS_PER_MONTH, newClientId } from './calculator-state.js';
import { addDays } from '../iso-date.js';

export const CHANNELS = ['phone', 'visit', 'messenger', 'email', 'sms', 'newsletter', 'event', 'staff', 'portal', 'social', 'letter'];
const ROLES = ['decision_maker', 'influencer', 'technical', 'user', 'buyer', 'other'];
const SEGMENTS = ['A+', 'A', 'B', 'C', 'D'];
const CLIENT_KINDS = ['business', 'person'];
const SERVICE_KINDS = ['campaign', 'contract', 'membership', 'subscription', 'policy'];
const DELIVERIES = ['manager', 'semi', 'automated'];

// The policy form, grouped by rule; a key the engine adds later and this
// list lacks still shows, under "Other".
const POLICY_GROUPS = [
  ['R2', ['defaultCycleTransactional', 'defaultCycleConsultative', 'consultativeThresholdDays', 'subMonthThresholdDays',
    'ordersForCycle', 'mandatoryTransactional', 'mandatoryConsultative', 'eventsPerYear', 'eventInviteLeadDays', 'eventSlotMonths',
    'annualMeeting']],
  ['R3', ['standardPerMandatory', 'automatedChannels']],
  ['R4', ['preOrderLeadWorkdays', 'needLeadDays']],
  ['R5', ['silenceDays', 'checkByDay', 'checkLateDays', 'checkMinAmount', 'onboardingLeadDays']],
  ['R6', ['reactionDays', 'reactionGapDays', 'reactionWatchDays']],
  ['R7', ['channelGaps']],
  ['R8', ['revenueSegments', 'segments']],
  ['R10', ['offersPerMonth', 'durableIntervalDays', 'referralsPerYear']],
  ['R11', ['renewalLeadDays', 'promoLeadDays']],
  ['R12', ['apologyDelayDays', 'apologyMaxDays', 'apologyChannel', 'followUpDays', 'quietAfterIncidentDays']],
  ['R13', ['mergeGapDays', 'weeklyCap', 'dailyCap']],
  ['R9', ['greetingsAheadOfRotation']],
  ['R15', ['influencerTouchesPerQuarter']],
  ['R16', ['managerDailyCapacity', 'levelSlackDays']],
  ['R1', ['contentValidityDays', 'freshnessTouches']],
];
const SEGMENT_POLICY = {
  standardByManager: 'boolean',
  needPerCycle: [0, 1, 2],
  topUps: 'boolean',
  greetings: ['always', 'withOffer', 'never'],
  annualMeeting: 'boolean',
  visits: ['allowed', 'onRequest', 'no'],
  events: ['manager', 'automated', 'none'],
};

// ---- paths -----------------------------------------------------------

/** `client.orders[2].date` as `['client', 'orders', 2, 'date']`. */
export function parsePath(path) {
  return [...String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

/** The value at `path` in `obj`, or `undefined`. */
export function getAt(obj, path) {
  let v = obj;
  for (const key of parsePath(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[key];
  }
  return v;
}

/** Sets the value at `path`, making the objects on the way; `undefined` deletes the key. */
export function setAt(obj, path, value) {
  const keys = parsePath(path);
  let v = obj;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    if (v[key] === null || typeof v[key] !== 'object') {
      if (value === undefined) return;
      v[key] = typeof keys[i + 1] === 'number' ? [] : {};
    }
    v = v[key];
  }
  const last = keys.at(-1);
  if (value === undefined) delete v[last];
  else v[last] = value;
}

// ---- values in fields ---------------------------------------------------

/** An ISO date as the field shows it: `24.11.2026` in Russian, ISO in English. */
export function showDate(locale, value) {
  if (typeof value !== 'string') return value === undefined || value === null ? '' : String(value);
  if (locale !== 'ru') return value;
  let m = value.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  m = value.match(/^--(\d{2})-(\d{2})$/);
  return m ? `${m[2]}.${m[1]}` : value;
}

/** Whether `iso` is a real calendar day `YYYY-MM-DD` (or a birthday `--MM-DD`). */
function isRealDate(iso) {
  let m = String(iso).match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) {
    m = String(iso).match(/^--(\d{2})-(\d{2})$/);
    if (!m) return false;
    m = [m[0], '2024', m[1], m[2]];
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

const COMPLETE_DATE = /^$|^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{4}-\d{2}-\d{2}$|^--\d{2}-\d{2}$/;

const VALUE_OF = {
  text: (el) => (el.value.trim() === '' ? undefined : el.value),
  date: (el) => (el.value.trim() === '' ? undefined : parseDate(el.value)),
  number: (el) => (el.value === '' ? undefined : Number(el.value)),
  select: (el) => (el.value === '' ? undefined : el.dataset.numeric ? Number(el.value) : el.value),
  list: (el) => {
    const items = el.value.split(',').map((s) => s.trim()).filter(Boolean);
    return items.length ? items : undefined;
  },
};

// ---- building blocks --------------------------------------------------

let uid = 0;

/**
 * Creates an element: `on…` attributes become listeners, non-string values
 * of known properties are set as properties; strings among `children` are
 * text nodes, never markup.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') el.className = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** The form of the calculator page, rendered from and writing to a state object. */
export class CalculatorForm {
  #root;
  #onEdit;
  #state = null;
  #loc = 'ru';
  #defaults = {};
  #catalog = [];

  /**
   * @param {HTMLElement} root the form's container
   * @param {(how: { commit: boolean, rerender: boolean }) => void} onEdit called after each edit of the state
   */
  constructor(root, onEdit) {
    this.#root = root;
    this.#onEdit = onEdit;
  }

  /** Builds the form anew for `state` (a `{ input, ui }` object, edited in place). */
  render(state, { locale, defaults, catalog }) {
    const open = new Set([...this.#root.querySelectorAll('details[data-section][open]')].map((d) => d.dataset.section));
    this.#state = state;
    this.#loc = locale;
    this.#defaults = defaults ?? {};
    this.#catalog = catalog ?? [];
    const sections = [
      this.#clientSection(),
      this.#cycleSection(),
      this.#contactsSection(),
      this.#channelsSection(),
      this.#serviceSection(),
      this.#termsSection(),
      this.#companySection(),
      this.#planningSection(),
      this.#policySection(),
    ];
    // A section the user opened stays open; one with data opens anyway.
    for (const s of sections) if (open.has(s.dataset.section)) s.open = true;
    this.#root.replaceChildren(...sections);
  }

  /** Marks each error at its field; returns the errors no field of the form shows. */
  showErrors(errors) {
    this.clearErrors();
    const unplaced = [];
    for (const error of errors) {
      const target = this.#fieldFor(error.path ?? '');
      if (!target) {
        unplaced.push(error);
        continue;
      }
      const { field, control } = target;
      field.classList.add('invalid');
      control?.setAttribute('aria-invalid', 'true');
      const slot = field.querySelector(':scope > .field-error');
      const message = this.#userMessage(error, field, control);
      slot.hidden = false;
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
      // A folded section with an error opens, so the mark is seen.
      for (let d = field.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
    }
    return unplaced;
  }

  // An error in the user's own words and format: a date field that holds
  // no real date echoes what was typed and the format it wants (never the
  // ISO form the engine was sent); others echo the typed value and give the
  // engine's message with its dates the locale's way.
  #userMessage(error, field, control) {
    const typed = control?.value?.trim?.() ?? '';
    const own = control && field.dataset.field === control.dataset.path;
    if (own && field.classList.contains('field-date') && typed && !isRealDate(parseDate(typed))) {
      const format = control.placeholder || ct(this.#loc, 'datePlaceholder');
      return ct(this.#loc, 'badDate', { typed, format, example: showDate(this.#loc, this.#state.input.today ?? '2026-11-24') });
    }
    const message = localiseDates(this.#loc, error.message);
    return own && typed && control.tagName === 'INPUT' && control.type !== 'checkbox' ? ct(this.#loc, 'typed', { typed, message }) : message;
  }

  /** Removes every error mark. */
  clearErrors() {
    for (const field of this.#root.querySelectorAll('.invalid')) {
      field.classList.remove('invalid');
      const slot = field.querySelector(':scope > .field-error');
      slot.hidden = true;
      slot.textContent = '';
    }
    for (const c of this.#root.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  }

  // The field of `path`, else of its nearest ancestor path that has one.
  #fieldFor(path) {
    const keys = parsePath(path);
    for (let n = keys.length; n > 0; n--) {
      const p = keys.slice(0, n).reduce((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '');
      const field = this.#root.querySelector(`[data-field="${CSS.escape(p)}"]`);
      if (field) return { field, control: field.querySelector('[data-path]') };
    }
    return null;
  }

  // ---- generic controls ---------------------------------------------------

  #edit(commit, rerender = false) {
    this.#onEdit({ commit, rerender });
    if (!rerender) this.#policySummary();
  }

  // The policy's heading counts the settings changed from their defaults.
  #policySummary() {
    const summary = this.#root.querySelector('details[data-section="policy"] > summary');
    if (!summary) return;
    const changed = Object.keys(this.#state.input.settings ?? {}).length;
    summary.textContent = `${ct(this.#loc, 'secPolicy')}${changed ? ` · ${ct(this.#loc, 'policyChanged', { n: changed })}` : ''}`;
    const reset = this.#root.querySelector('details[data-section="policy"] .reset');
    if (reset) reset.disabled = changed === 0;
  }

  /** A labelled control for the input field at `path` (relative to the PlanInput). */
  #field(path, label, type = 'text', opts = {}) {
    const id = `f${++uid}`;
    const value = getAt(this.#state.input, path);
    let control;
    if (type === 'select') {
      control = h('select', { id },
        opts.emptyLabel === undefined ? null : h('option', { value: '' }, opts.emptyLabel),
        opts.options.map(([v, text]) => h('option', { value: String(v), selected: String(v) === String(value ?? '') }, text)));
      if (opts.numeric) control.dataset.numeric = '1';
    } else if (type === 'checkbox') {
      control = h('input', { id, type: 'checkbox', checked: value === true });
    } else {
      const shown = type === 'date' ? showDate(this.#loc, value) : type === 'list' ? (value ?? []).join(', ') : value ?? '';
      control = h('input', {
        id,
        type: type === 'number' ? 'number' : 'text',
        value: String(shown),
        placeholder: opts.placeholder ?? (type === 'date' ? ct(this.#loc, 'datePlaceholder') : null),
        inputmode: type === 'date' ? 'numeric' : null,
        autocomplete: 'off',
        min: opts.min, max: opts.max, step: opts.step,
      });
    }
    control.dataset.path = path;
    const errorId = `${id}-error`;
    const hintId = opts.hint ? `${id}-hint` : null;
    control.setAttribute('aria-describedby', [errorId, hintId].filter(Boolean).join(' '));
    const read = type === 'checkbox' ? (el) => (el.checked ? true : undefined) : VALUE_OF[type];
    const write = (commit) => {
      const v = read(control);
      setAt(this.#state.input, path, opts.transform ? opts.transform(v) : v);
      opts.after?.(v);
      this.#edit(commit);
    };
    // A date being typed is sent once it is complete (or emptied), so no
    // error flashes at "24.1" and "24.11.20" is not read as 2020; `change`
    // (blur, Enter) sends whatever is there.
    control.addEventListener('input', () => {
      if (type !== 'date' || COMPLETE_DATE.test(control.value.trim())) write(false);
    });
    control.addEventListener('change', () => write(true));
    const labelEl = h('label', { for: id }, label);
    const parts = type === 'checkbox' ? [control, labelEl] : [labelEl, control];
    return h('div', { class: `field field-${type}${opts.wide ? ' wide' : ''}`, 'data-field': path },
      ...parts,
      opts.hint ? h('small', { class: 'hint', id: hintId }, opts.hint) : null,
      h('p', { class: 'field-error', id: errorId, hidden: true }));
  }

  /** A group of channel checkboxes writing an array (or nothing when none is ticked). */
  #channelGroup(path, label, { hint, fallback } = {}) {
    const id = `f${++uid}`;
    const current = getAt(this.#state.input, path) ?? fallback ?? [];
    const boxes = CHANNELS.map((c) => {
      const box = h('input', { type: 'checkbox', value: c, checked: current.includes(c) });
      box.dataset.channel = c;
      return h('label', { class: 'chip' }, box, channelLabel(this.#loc, c));
    });
    const fieldset = h('fieldset', { class: 'field field-channels wide', 'data-field': path, id },
      h('legend', {}, label),
      h('div', { class: 'chips', 'data-path': path }, boxes),
      hint ? h('small', { class: 'hint' }, hint) : null,
      h('p', { class: 'field-error', hidden: true }));
    fieldset.addEventListener('change', () => {
      const picked = [...fieldset.querySelectorAll('input:checked')].map((b) => b.value);
      setAt(this.#state.input, path, picked.length ? picked : undefined);
      const summary = fieldset.closest('details.contact-channels')?.querySelector(':scope > summary');
      if (summary) summary.textContent = this.#channelSummary(picked);
      this.#edit(true);
    });
    return fieldset;
  }

  /** A list of rows (orders, contacts…) with add and remove buttons. */
  #rows(path, title, addLabel, itemLabel, rowFields, newItem) {
    const items = getAt(this.#state.input, path) ?? [];
    const list = h('ol', { class: 'rows' });
    items.forEach((item, i) => {
      const p = `${path}[${i}]`;
      const name = item?.name ?? item?.title ?? item?.what ?? item?.summary;
      const what = `${ct(this.#loc, 'row', { what: itemLabel, n: i + 1 })}${name ? ` (${name})` : ''}`;
      list.append(h('li', { class: 'row', 'data-field': p },
        h('div', { class: 'row-fields' }, rowFields(p, item, i)),
        h('button', {
          type: 'button', class: 'remove', title: ct(this.#loc, 'removeRow', { what }),
          'aria-label': ct(this.#loc, 'removeRow', { what }),
          onclick: () => {
            const arr = getAt(this.#state.input, path);
            arr.splice(i, 1);
            if (!arr.length) setAt(this.#state.input, path, undefined);
            this.#edit(true, true);
            // Focus goes to the row that took this one's place, else to "add".
            const rows = this.#root.querySelector(`[data-field="${CSS.escape(path)}"]`);
            (rows?.querySelectorAll('.row')[i]?.querySelector('input, select') ?? rows?.querySelector('.add'))?.focus();
          },
        }, '×'),
        h('p', { class: 'field-error', hidden: true })));
    });
    const add = h('button', {
      type: 'button', class: 'add',
      onclick: () => {
        const arr = getAt(this.#state.input, path) ?? [];
        arr.push(newItem());
        setAt(this.#state.input, path, arr);
        this.#edit(true, true);
        this.#root.querySelector(`[data-field="${CSS.escape(`${path}[${arr.length - 1}]`)}"] input, [data-field="${CSS.escape(`${path}[${arr.length - 1}]`)}"] select`)?.focus();
      },
    }, `+ ${addLabel}`);
    return h('div', { class: 'field field-rows wide', 'data-field': path },
      h('h4', {}, title), list, add, h('p', { class: 'field-error', hidden: true }));
  }

  // A new row's date: `days` after the form's today, so it plans at once.
  #later(days) {
    const today = this.#state.input.today;
    return /^\d{4}-\d{2}-\d{2}$/.test(today ?? '') ? addDays(today, days) : today;
  }

  #section(id, title, open, ...children) {
    return h('details', { class: 'section', 'data-section': id, open },
      h('summary', {}, title), h('div', { class: 'grid' }, children));
  }

  #options(values, label) {
    return values.map((v) => [v, label(v)]);
  }

  // ---- sections ------------------------------------------------------------

  #clientSection() {
    const L = (k) => ct(this.#loc, k);
    return this.#section('client', L('secClient'), true,
      this.#field('client.name', L('name'), 'text', { wide: true }),
      this.#field('client.id', L('clientId'), 'text', {
        wide: true, hint: L('clientIdHint'),
        // The engine needs an id: an emptied field gets a made-up one.
        transform: (v) => v ?? newClientId(),
      }),
      this.#field('client.kind', L('clientKind'), 'select', {
        options: CLIENT_KINDS.map((k) => [k, L('clientKinds')[k]]), hint: L('clientKindHint'),
      }),
      this.#field('client.segment', L('segment'), 'select', {
        emptyLabel: L('segmentDefault'), options: SEGMENTS.map((s) => [s, s]),
      }),
      this.#field('client.saleType', L('saleType'), 'select', {
        emptyLabel: L('saleTypeAuto'),
        options: [['transactional', L('transactional')], ['consultative', L('consultative')]],
      }),
      this.#field('client.industry', L('industry')));
  }

  #cycleSection() {
    const L = (k) => ct(this.#loc, k);
    const ui = this.#state.ui;
    const days = this.#state.input.client?.orderCycleDays;
    const months = ui.cycleUnit === 'months';
    // "Every N months" is kept as the days the engine counts N months by.
    const cycle = this.#field('client.orderCycleDays', L('cycle'), 'number', {
      min: 1, step: 1, hint: L('cycleHint'),
      transform: (v) => (months && typeof v === 'number' ? Math.round(v * DAYS_PER_MONTH) : v),
    });
    const input = cycle.querySelector('input');
    if (months && typeof days === 'number') input.value = String(Math.max(1, Math.round(days / DAYS_PER_MONTH)));
    const unit = h('select', {
      'aria-label': L('cycle'), class: 'unit',
      onchange: (e) => {
        ui.cycleUnit = e.target.value;
        this.#edit(true, true);
      },
    },
    h('option', { value: 'days', selected: !months }, L('cycleUnitDays')),
    h('option', { value: 'months', selected: months }, L('cycleUnitMonths')));
    input.after(unit);

    const mandatory = this.#catalog.filter((r) => r.kind === 'mandatory');
    const steps = this.#state.input.client?.mandatorySteps ?? [];
    const stepBoxes = h('fieldset', { class: 'field field-steps wide', 'data-field': 'client.mandatorySteps' },
      h('legend', {}, L('mandatorySteps')),
      h('div', { class: 'chips', 'data-path': 'client.mandatorySteps' }, mandatory.map((r) => {
        const box = h('input', { type: 'checkbox', value: r.code, checked: steps.includes(r.code) });
        return h('label', { class: 'chip', title: r.hint }, box, r.title);
      })),
      h('p', { class: 'field-error', hidden: true }));
    stepBoxes.addEventListener('change', () => {
      const picked = [...stepBoxes.querySelectorAll('input:checked')].map((b) => b.value);
      setAt(this.#state.input, 'client.mandatorySteps', picked.length ? picked : undefined);
      this.#edit(true);
    });

    const orders = this.#rows('client.orders', L('orders'), L('addOrder'), L('orders'), (p) => [
      this.#field(`${p}.date`, L('orderDate'), 'date'),
      this.#field(`${p}.amount`, L('orderAmount'), 'number', { min: 0, step: 'any' }),
      this.#field(`${p}.categories`, L('orderCategories'), 'list'),
    ], () => ({ date: this.#later(0) }));

    return this.#section('cycle', L('secCycle'), true,
      cycle,
      this.#field('client.mandatoryPerOrder', L('mandatoryPerOrder'), 'number', {
        min: 0, max: 20, step: 1, hint: L('mandatoryPerOrderHint'),
      }),
      stepBoxes,
      orders);
  }

  #channelSummary(channels) {
    return `${ct(this.#loc, 'contactChannels')}: ${channels.map((c) => channelLabel(this.#loc, c)).join(', ') || '—'}`;
  }

  #contactsSection() {
    const L = (k) => ct(this.#loc, k);
    const roles = this.#options(ROLES, (r) => roleLabel(this.#loc, r));
    return this.#section('contacts', L('secContacts'), true,
      this.#rows('client.contacts', L('contacts'), L('addContact'), L('contactName'), (p, item) => [
        this.#field(`${p}.name`, L('contactName'), 'text'),
        this.#field(`${p}.role`, L('contactRole'), 'select', { emptyLabel: '—', options: roles }),
        this.#field(`${p}.birthday`, L('contactBirthday'), 'date', { placeholder: L('birthdayPlaceholder') }),
        h('details', { class: 'contact-channels wide' },
          h('summary', {}, this.#channelSummary(item.channels ?? [])),
          this.#channelGroup(`${p}.channels`, L('contactChannels'))),
      ], () => ({ name: ct(this.#loc, 'newContact', { n: (this.#state.input.client?.contacts?.length ?? 0) + 1 }), role: 'decision_maker' })));
  }

  #channelsSection() {
    const L = (k) => ct(this.#loc, k);
    return this.#section('channels', L('secChannels'), false,
      this.#channelGroup('client.channels', L('channels'), { hint: L('channelsHint') }),
      this.#field('client.flags.promoSensitive', L('promoSensitive'), 'checkbox', { wide: true }),
      this.#field('client.flags.birthdayOffer', L('birthdayOffer'), 'checkbox', { wide: true }),
      this.#field('client.flags.loyal', L('loyal'), 'checkbox', { wide: true }),
      this.#field('client.openDeal.since', L('openDeal'), 'date', {
        hint: L('openDealHint'),
        after: (v) => {
          if (v === undefined) setAt(this.#state.input, 'client.openDeal', undefined);
        },
      }));
  }

  #serviceSection() {
    const L = (k) => ct(this.#loc, k);
    const service = this.#state.input.client?.service;
    const toggle = h('input', { type: 'checkbox', id: `f${++uid}`, checked: !!service });
    toggle.addEventListener('change', () => {
      if (toggle.checked) {
        const start = this.#state.input.today;
        this.#state.ui.service ??= { start, end: this.#later(364), kind: 'contract' };
        setAt(this.#state.input, 'client.service', this.#state.ui.service);
      } else {
        this.#state.ui.service = getAt(this.#state.input, 'client.service');
        setAt(this.#state.input, 'client.service', undefined);
      }
      this.#edit(true, true);
    });
    const fields = service ? [
      this.#field('client.service.kind', L('serviceKind'), 'select', {
        emptyLabel: '—', options: SERVICE_KINDS.map((k) => [k, L('kinds')[k]]),
      }),
      this.#field('client.service.reactionDays', L('reactionDays'), 'number', {
        min: 1, max: 365, step: 1, placeholder: String(this.#defaults.reactionDays ?? ''),
      }),
      this.#field('client.service.start', L('serviceStart'), 'date'),
      this.#field('client.service.end', L('serviceEnd'), 'date'),
      this.#field('client.service.frozenFrom', L('frozenFrom'), 'date'),
      this.#field('client.service.frozenTo', L('frozenTo'), 'date'),
      this.#field('client.service.promo', L('promo'), 'text'),
      this.#field('client.service.promoUntil', L('promoUntil'), 'date'),
    ] : [];
    return this.#section('service', L('secService'), !!service,
      h('div', { class: 'field field-checkbox wide', 'data-field': 'client.service' },
        toggle, h('label', { for: toggle.id }, L('hasService')),
        h('p', { class: 'field-error', hidden: true })),
      ...fields);
  }

  #termsSection() {
    const L = (k) => ct(this.#loc, k);
    const input = this.#state.input;
    return this.#section('terms', L('secTerms'), !!(input.client?.expiries?.length || input.client?.incidents?.length),
      this.#rows('client.expiries', L('expiries'), L('addExpiry'), L('expiryWhat'), (p) => [
        this.#field(`${p}.date`, L('expiryDate'), 'date'),
        this.#field(`${p}.what`, L('expiryWhat'), 'text'),
      ], () => ({ date: this.#later(90), what: ct(this.#loc, 'newExpiry') })),
      this.#rows('client.incidents', L('incidents'), L('addIncident'), L('incidentSummary'), (p) => [
        this.#field(`${p}.date`, L('incidentDate'), 'date'),
        this.#field(`${p}.summary`, L('incidentSummary'), 'text'),
      ], () => ({ date: this.#later(0), summary: ct(this.#loc, 'newIncident') })));
  }

  #companySection() {
    const L = (k) => ct(this.#loc, k);
    const input = this.#state.input;
    const reasons = this.#catalog.filter((r) => r.kind !== 'mandatory' && !r.discouraged).map((r) => [r.code, r.title]);
    const deliveries = DELIVERIES.map((d) => [d, L('deliveries')[d]]);
    return this.#section('company', L('secCompany'), !!(input.company?.contentPlan?.length || input.company?.events?.length),
      this.#rows('company.contentPlan', L('contentPlan'), L('addContent'), L('contentTitle'), (p) => [
        this.#field(`${p}.date`, L('contentDate'), 'date'),
        this.#field(`${p}.until`, L('contentUntil'), 'date'),
        this.#field(`${p}.reason`, L('contentReason'), 'select', { options: reasons, wide: true }),
        this.#field(`${p}.title`, L('contentTitle'), 'text', { wide: true }),
        this.#field(`${p}.delivery`, L('contentDelivery'), 'select', { emptyLabel: L('deliveryDefault'), options: deliveries.slice(1) }),
      ], () => ({ date: this.#later(0), reason: reasons[0]?.[0] ?? '', title: reasons[0]?.[1] ?? '' })),
      this.#rows('company.events', L('events'), L('addEvent'), L('eventTitle'), (p) => [
        this.#field(`${p}.date`, L('eventDate'), 'date'),
        this.#field(`${p}.title`, L('eventTitle'), 'text'),
      ], () => ({ date: this.#later(30), title: ct(this.#loc, 'newEvent') })));
  }

  #planningSection() {
    const L = (k) => ct(this.#loc, k);
    return this.#section('planning', L('secPlanning'), true,
      this.#field('today', L('today'), 'date'),
      this.#field('horizonMonths', L('horizonMonths'), 'number', { min: 1, max: 36, step: 1, placeholder: '12' }));
  }

  // ---- policy --------------------------------------------------------------

  #policySection() {
    const L = (k, v) => ct(this.#loc, k, v);
    const d = this.#defaults;
    const settings = this.#state.input.settings ?? {};
    const changed = Object.keys(settings).length;
    const known = new Set(POLICY_GROUPS.flatMap(([, keys]) => keys));
    const groups = [...POLICY_GROUPS, [L('policyOther'), Object.keys(d).filter((k) => !known.has(k))]];
    const body = groups.filter(([, keys]) => keys.some((k) => k in d)).map(([rule, keys]) =>
      h('fieldset', { class: 'policy-group wide' }, h('legend', {}, ruleLabel(this.#loc, rule)),
        keys.filter((k) => k in d).map((k) => this.#policyField(k, d[k]))));
    const section = this.#section('policy', `${L('secPolicy')}${changed ? ` · ${L('policyChanged', { n: changed })}` : ''}`, false,
      h('p', { class: 'hint wide' }, L('policyHint')),
      h('button', {
        type: 'button', class: 'reset wide', disabled: changed === 0,
        onclick: () => {
          delete this.#state.input.settings;
          this.#edit(true, true);
        },
      }, L('policyReset')),
      ...body);
    section.classList.add('policy');
    return section;
  }

  #defaultText(value) {
    if (value === null) return 'max(R, 7)';
    if (typeof value === 'number') return formatNumber(this.#loc, value);
    return String(value);
  }

  #policyField(key, def) {
    const path = `settings.${key}`;
    const label = settingLabel(this.#loc, key);
    const hint = ct(this.#loc, 'defaultValue', { value: this.#defaultText(def) });
    if (key === 'channelGaps') {
      return h('fieldset', { class: 'field field-gaps wide', 'data-field': path },
        h('legend', {}, label),
        h('div', { class: 'gaps' }, CHANNELS.map((c) =>
          this.#field(`${path}.${c}`, channelLabel(this.#loc, c), 'number', {
            min: 0, max: 365, step: 1, placeholder: String(def[c] ?? 0), after: () => this.#prune(path),
          }))),
        h('p', { class: 'field-error', hidden: true }));
    }
    if (key === 'automatedChannels') {
      return this.#channelGroup(path, label, { fallback: def, hint: ct(this.#loc, 'defaultValue', { value: def.map((c) => channelLabel(this.#loc, c)).join(', ') }) });
    }
    if (key === 'segments') return this.#segmentTable(path, def);
    if (key === 'eventSlotMonths') return this.#monthGroup(path, label, def);
    if (key === 'revenueSegments') return this.#revenueThresholds(path, label, def);
    if (key === 'apologyChannel') {
      return this.#field(path, label, 'select', {
        emptyLabel: ct(this.#loc, 'apologyChannelDefault'),
        options: CHANNELS.map((c) => [c, channelLabel(this.#loc, c)]),
        hint: ct(this.#loc, 'defaultValue', { value: def === null ? ct(this.#loc, 'apologyChannelDefault') : channelLabel(this.#loc, def) }),
        after: () => this.#prune('settings'),
      });
    }
    if (typeof def === 'boolean') {
      // A yes/no with a default of its own: left empty, the default holds;
      // "no" is written as false, so a default of yes can be turned off.
      const word = (v) => ct(this.#loc, v ? 'yes' : 'no');
      return this.#field(path, label, 'select', {
        emptyLabel: ct(this.#loc, 'defaultValue', { value: word(def) }),
        options: [[true, word(true)], [false, word(false)]],
        transform: (v) => (v === undefined ? undefined : v === 'true'),
        after: () => this.#prune('settings'),
      });
    }
    if (typeof def === 'string') {
      return this.#field(path, label, 'date', { placeholder: showDate(this.#loc, def), hint, after: () => this.#prune('settings') });
    }
    return this.#field(path, label, 'number', {
      min: 0, step: typeof def === 'number' && !Number.isInteger(def) ? 'any' : 1,
      placeholder: def === null ? 'max(R, 7)' : String(def), hint, after: () => this.#prune('settings'),
    });
  }

  // R2's fixed months for the yearly invitations: twelve checkboxes; the
  // default set is not stored, none ticked means no invitation slots.
  #monthGroup(path, label, def) {
    const current = getAt(this.#state.input, path) ?? def;
    const name = (m) => new Intl.DateTimeFormat(this.#loc, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, m - 1, 1)));
    const boxes = Array.from({ length: 12 }, (_, i) => {
      const box = h('input', { type: 'checkbox', value: String(i + 1), checked: current.includes(i + 1) });
      box.dataset.month = String(i + 1);
      return h('label', { class: 'chip' }, box, name(i + 1));
    });
    const fieldset = h('fieldset', { class: 'field field-months wide', 'data-field': path },
      h('legend', {}, label),
      h('div', { class: 'chips', 'data-path': path }, boxes),
      h('small', { class: 'hint' }, `${ct(this.#loc, 'defaultValue', { value: def.map(name).join(', ') })}. ${ct(this.#loc, 'monthsNone')}`),
      h('p', { class: 'field-error', hidden: true }));
    fieldset.addEventListener('change', () => {
      const picked = [...fieldset.querySelectorAll('input:checked')].map((b) => Number(b.value));
      setAt(this.#state.input, path, picked.join() === def.join() ? undefined : picked);
      this.#prune('settings');
      this.#edit(true);
    });
    return fieldset;
  }

  // R8's revenue thresholds: one optional amount per segment above D.
  #revenueThresholds(path, label, def) {
    return h('fieldset', { class: 'field field-revenue wide', 'data-field': path },
      h('legend', {}, label),
      h('div', { class: 'gaps' }, ['A+', 'A', 'B', 'C'].map((seg) =>
        this.#field(`${path}.${seg}`, seg, 'number', {
          min: 0, step: 'any', placeholder: def?.[seg] === undefined ? ct(this.#loc, 'revenueNone') : String(def[seg]),
          after: () => this.#prune(path),
        }))),
      h('small', { class: 'hint' }, ct(this.#loc, 'revenueHint')),
      this.#field('client.annualRevenue', ct(this.#loc, 'annualRevenue'), 'number', { min: 0, step: 'any', hint: ct(this.#loc, 'annualRevenueHint') }),
      h('p', { class: 'field-error', hidden: true }));
  }

  // R8's table as one block per segment, so every value stays readable in
  // the form's column.
  #segmentTable(path, def) {
    const L = (k) => ct(this.#loc, k);
    const columns = Object.keys(SEGMENT_POLICY);
    const cell = (seg, col) => {
      const p = `${path}.${seg}.${col}`;
      const base = def[seg]?.[col];
      const kind = SEGMENT_POLICY[col];
      const opts = kind === 'boolean'
        ? [[true, L('yes')], [false, L('no')]]
        : kind.map((v) => [v, typeof v === 'number' ? String(v) : policyValueLabel(this.#loc, v)]);
      const field = this.#field(p, segmentFieldLabel(this.#loc, col), 'select', {
        options: opts,
        numeric: kind !== 'boolean' && typeof kind[0] === 'number',
        transform: (v) => (kind === 'boolean' ? v === 'true' : v),
        // A value equal to the default is not stored, so the URL stays short.
        after: (v) => {
          if (String(v) === String(base)) setAt(this.#state.input, p, undefined);
          this.#prune(`${path}.${seg}`);
          field.classList.toggle('changed', String(v) !== String(base));
        },
      });
      const select = field.querySelector('select');
      const current = getAt(this.#state.input, p);
      select.value = String(current ?? base);
      select.setAttribute('aria-label', `${seg}: ${segmentFieldLabel(this.#loc, col)}`);
      if (current !== undefined && String(current) !== String(base)) field.classList.add('changed');
      return field;
    };
    return h('div', { class: 'field field-segments wide', 'data-field': path },
      h('h4', {}, L('segmentsTable')),
      SEGMENTS.map((seg) => h('fieldset', { class: 'segment-policy', 'data-field': `${path}.${seg}` },
        h('legend', {}, `${L('segCol')} ${seg}`),
        columns.map((c) => cell(seg, c)),
        h('p', { class: 'field-error', hidden: true }))),
      h('p', { class: 'field-error', hidden: true }));
  }

  // Drops empty objects under `path` (and `settings` itself when empty).
  #prune(path) {
    const keys = parsePath(path);
    for (let n = keys.length; n > 0; n--) {
      const p = keys.slice(0, n).join('.');
      const v = getAt(this.#state.input, p);
      if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) setAt(this.#state.input, p, undefined);
    }
  }
}
