// The calculator page's state and its URL form. The state is
// `{ input, ui }`: `input` is the PlanInput without `locale`, `ui` holds
// the page's language, how the cycle is shown and the preset loaded.
// No DOM here, so Node tests it.

import { PRESETS, presetInput } from './calculator-presets.js';
import { localeOf } from './touch-plan-i18n.js';

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
