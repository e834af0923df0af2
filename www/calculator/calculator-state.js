// The calculator page's state and its URL form. The state is
// `{ input, ui }`: `input` is the PlanInput without `locale`, `ui` holds
// the page's language, how the cycle is shown and the preset loaded.
// No DOM here, so Node tests it.

import { PRESETS, presetInput } from './calculator-presets.js';
import { localeOf } from '../widget/touch-plan-i18n.js';

/** R2: how the engine turns a cycle in days into months. */
export const DAYS_PER_MONTH = 30.44;

function toBase64Url(text) {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The hash for `s`: `#lang=ru&unit=months&preset=…&input=<base64url of the PlanInput JSON>`. */
export function encodeState(s) {
  const params = new URLSearchParams();
  params.set('lang', s.ui.lang);
  if (s.ui.cycleUnit === 'months') params.set('unit', 'months');
  if (s.ui.preset) params.set('preset', s.ui.preset);
  params.set('input', toBase64Url(JSON.stringify(s.input)));
  return `#${params}`;
}

// The shape the form edits: where an array or an object must be, and what
// each array holds. A value of another type (a shared link's `orders:
// "много"`) is left out and named, so that the rest still opens.
const SHAPE = {
  client: {
    orders: [{ categories: ['string'], items: ['string'] }],
    contacts: [{ channels: ['string'], interests: ['string'] }],
    expiries: [{}], incidents: [{}], history: [{}],
    mandatorySteps: ['string'], channels: ['string'],
    service: {}, flags: {}, openDeal: {},
  },
  company: { contentPlan: [{ categories: ['string'], items: ['string'], segments: ['string'], roles: ['string'], industries: ['string'] }], events: [{}], holidays: ['string'], workdays: ['string'] },
  settings: { channelGaps: {}, automatedChannels: ['string'], eventSlotMonths: ['number'], segments: {}, revenueSegments: {} },
};

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function fitShape(value, shape, path, dropped) {
  for (const [key, inner] of Object.entries(shape)) {
    if (!(key in value) || value[key] === undefined) continue;
    const v = value[key];
    const at = path ? `${path}.${key}` : key;
    // revenueSegments may be null (the engine's default).
    if (v === null && key === 'revenueSegments') continue;
    if (Array.isArray(inner)) {
      if (!Array.isArray(v)) {
        dropped.push(at);
        delete value[key];
        continue;
      }
      const [item] = inner;
      const keep = v.filter((x, i) => {
        const ok = typeof item === 'string' ? typeof x === item : isObject(x);
        if (!ok) dropped.push(`${at}[${i}]`);
        return ok;
      });
      if (typeof item === 'object') keep.forEach((x, i) => fitShape(x, item, `${at}[${i}]`, dropped));
      value[key] = keep;
    } else if (!isObject(v)) {
      dropped.push(at);
      delete value[key];
    } else {
      fitShape(v, inner, at, dropped);
    }
  }
}

/**
 * `input` fitted to the form's shape in place; returns the paths of the
 * values left out because they had the wrong type.
 */
export function fitInput(input) {
  const dropped = [];
  fitShape(input, SHAPE, '', dropped);
  if (!isObject(input.client)) {
    if ('client' in input) dropped.push('client');
    input.client = { id: newClientId() };
  }
  return dropped;
}

/** A made-up client id, for a client typed in by hand. */
export function newClientId() {
  const random = globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  return `client-${random}`;
}

/** A blank client ("your own client"): an id, today, a year's horizon. */
export function blankState(today, lang) {
  return { input: { today, horizonMonths: 12, client: { id: newClientId() } }, ui: { lang, cycleUnit: 'days', preset: '' } };
}

/** The state a hash holds, or `null` when it holds none (or a broken one). */
export function decodeState(hash) {
  const params = new URLSearchParams(String(hash).replace(/^#/, ''));
  if (!params.has('input')) return null;
  try {
    const input = JSON.parse(fromBase64Url(params.get('input')));
    if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
    delete input.locale;
    return {
      input,
      ui: {
        lang: localeOf(params.get('lang')) ?? 'ru',
        cycleUnit: params.get('unit') === 'months' ? 'months' : 'days',
        preset: PRESETS.some((p) => p.id === params.get('preset')) ? params.get('preset') : '',
      },
    };
  } catch {
    return null;
  }
}

/** The state of preset `id` with its dates moved to `today`. */
export function presetState(id, today, lang) {
  const input = presetInput(id, today);
  const days = input.client.orderCycleDays;
  const months = Math.round(days / DAYS_PER_MONTH);
  const whole = typeof days === 'number' && days > 61 && Math.round(months * DAYS_PER_MONTH) === days;
  return { input, ui: { lang, cycleUnit: whole ? 'months' : 'days', preset: id } };
}
