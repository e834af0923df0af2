// The «Книга клиентов» import, without the CSV parser: the fields a client
// list maps to, the guess of a file's columns from Russian and English
// headers, the reading of one row into a `Client` (dates dd.mm.yyyy or
// yyyy-mm-dd, sums like «1 234 567,89»), and the reasons a row cannot be
// read, in ru and en. Pure functions: no DOM, no clock, no globals; Node
// runs them as they are (tests/node/book-import.test.mjs).

/**
 * The fields of a `Client` (src/types.d.ts) a column can fill, in the
 * mapping step's order; `names` are header spellings, compared after
 * `normalizeHeader`.
 */
export const FIELDS = [
  { key: 'name', required: true, names: ['клиент', 'компания', 'наименование', 'наименование клиента', 'название', 'организация', 'контрагент', 'client', 'client name', 'company', 'company name', 'customer', 'account', 'organization', 'name'] },
  { key: 'id', names: ['id', 'код', 'код клиента', 'идентификатор', 'инн', 'client id', 'customer id', 'account id'] },
  { key: 'segment', names: ['сегмент', 'категория', 'категория клиента', 'abc', 'класс', 'segment', 'tier', 'category'] },
  { key: 'lastOrder', names: ['дата последнего заказа', 'последний заказ', 'дата заказа', 'дата последней покупки', 'последняя покупка', 'last order date', 'last order', 'last purchase', 'last purchase date', 'order date'] },
  { key: 'amount', names: ['сумма', 'сумма заказа', 'сумма последнего заказа', 'сумма руб', 'выручка', 'amount', 'order amount', 'last order amount', 'sum', 'total', 'revenue'] },
  { key: 'contact', names: ['лпр', 'лпр фио', 'фио лпр', 'контакт', 'контактное лицо', 'руководитель', 'decision maker', 'contact', 'contact name', 'contact person', 'dm'] },
  { key: 'birthday', names: ['день рождения', 'день рождения лпр', 'др', 'др лпр', 'дата рождения', 'birthday', 'birth date', 'date of birth', 'dob'] },
  { key: 'manager', names: ['ответственный', 'ответственный менеджер', 'менеджер', 'manager', 'account manager', 'owner', 'responsible', 'responsible manager'] },
  { key: 'phone', names: ['телефон', 'тел', 'мобильный', 'мобильный телефон', 'рабочий телефон', 'phone', 'telephone', 'mobile', 'phone number'] },
  { key: 'email', names: ['email', 'e mail', 'почта', 'эл почта', 'электронная почта', 'mail', 'email address'] },
  { key: 'cycle', names: ['цикл заказа', 'цикл заказа дней', 'цикл', 'периодичность заказа', 'периодичность', 'order cycle', 'order cycle days', 'cycle', 'cycle days'] },
];

/** The template's header for each field (ru), in `FIELDS` order. */
export const TEMPLATE_HEADERS = {
  name: 'Клиент', id: 'ID', segment: 'Сегмент', lastOrder: 'Дата последнего заказа', amount: 'Сумма',
  contact: 'ЛПР', birthday: 'День рождения', manager: 'Ответственный', phone: 'Телефон', email: 'E-mail',
  cycle: 'Цикл заказа, дней',
};

/** The English template's header for each field (template-en.csv). */
export const TEMPLATE_HEADERS_EN = {
  name: 'Client', id: 'Client ID', segment: 'Segment', lastOrder: 'Last order date', amount: 'Amount',
  contact: 'Decision maker', birthday: 'Birthday', manager: 'Manager', phone: 'Phone', email: 'Email',
  cycle: 'Order cycle, days',
};

const MAX_CYCLE_DAYS = 3650;

/** A header for comparing: lower case, ё → е, punctuation as spaces. */
export function normalizeHeader(text) {
  return String(text ?? '')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}

/** How well `header` names a field with `names`: whole match, else the longest name found in it as whole words. */
function score(header, names) {
  const h = normalizeHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const name of names) {
    if (h === name) return 1000;
    if (` ${h} `.includes(` ${name} `)) best = Math.max(best, name.length);
  }
  return best;
}

/**
 * Guesses which column fills which field: `{ name: 0, segment: 2, … }`
 * (column indices; a field left out has no column). Each column fills one
 * field at most; the best matches are taken first.
 * @param {string[]} headers
 * @returns {Record<string, number>}
 */
export function guessMapping(headers) {
  const pairs = [];
  FIELDS.forEach((field, f) => {
    headers.forEach((header, column) => {
      const s = score(header, field.names);
      if (s > 0) pairs.push({ s, f, column });
    });
  });
  pairs.sort((a, b) => b.s - a.s || a.f - b.f || a.column - b.column);
  const mapping = {};
  const used = new Set();
  for (const { f, column } of pairs) {
    const key = FIELDS[f].key;
    if (key in mapping || used.has(column)) continue;
    mapping[key] = column;
    used.add(column);
  }
  return mapping;
}

const pad = (n) => String(n).padStart(2, '0');

function validDay(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * A calendar date from `31.12.2026`, `31/12/2026`, `31.12.26`, `2026-12-31`
 * (a time after it is ignored, as Excel writes it): `YYYY-MM-DD`, or `null`.
 */
export function parseDate(text) {
  const s = String(text ?? '').trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, '');
  let y;
  let m;
  let d;
  let match = s.match(/^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})$/);
  if (match) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3].length === 2) y += 2000;
  } else if ((match = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    return null;
  }
  if (y < 1900 || y > 2200 || !validDay(y, m, d)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A birthday: a full date as `parseDate`, or a yearless `31.12` / `--12-31` → `--12-31`; else `null`. */
export function parseBirthday(text) {
  const s = String(text ?? '').trim();
  let match = s.match(/^(\d{1,2})[./](\d{1,2})$/);
  let day;
  let month;
  if (match) [day, month] = [Number(match[1]), Number(match[2])];
  else if ((match = s.match(/^--(\d{2})-(\d{2})$/))) [month, day] = [Number(match[1]), Number(match[2])];
  else return parseDate(s);
  return validDay(2000, month, day) ? `--${pad(month)}-${pad(day)}` : null;
}

/**
 * A sum of money: `1 234 567,89`, `1234567.89`, `1,234,567.89`,
 * `1.234.567,89`, spaces (also no-break and thin ones) and a currency
 * sign or word (₽, руб., р., RUB, $, €) allowed; a single comma or dot is
 * the decimal mark. `NaN` when it is not a number.
 */
export function parseAmount(text) {
  let s = String(text ?? '')
    .replace(/[\s\u00a0\u202f\u2009]+/g, '')
    .replace(/(₽|руб\.?|р\.|rub|\$|€|eur|usd)$/i, '')
    .replace(/^(₽|\$|€)/, '');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    const [thousands, decimal] = comma > dot ? [/\./g, ','] : [/,/g, '.'];
    s = s.replace(thousands, '').replace(decimal, '.');
  } else if (comma >= 0) {
    s = s.split(',').length > 2 ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (dot >= 0 && s.split('.').length > 2) {
    s = s.replace(/\./g, '');
  }
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

// Cyrillic letters typed for the Latin segment names.
const CYRILLIC_LATIN = { А: 'A', В: 'B', С: 'C', Д: 'D' };

/** A segment `A+`, `A`, `B`, `C`, `D` (Cyrillic А, В, С, Д read as Latin), or `null`. */
export function parseSegment(text) {
  const s = String(text ?? '').trim().toUpperCase().replace(/\s+/g, '').replace(/[АВСД]/g, (c) => CYRILLIC_LATIN[c]);
  return ['A+', 'A', 'B', 'C', 'D'].includes(s) ? s : null;
}

/** Days of an order cycle, `30` or `30 дней`, 1..3650; else `null`. */
export function parseCycle(text) {
  const match = String(text ?? '').trim().match(/^(\d+)(\s*(дн\S*|дней|days?|d))?$/i);
  const n = match ? Number(match[1]) : NaN;
  return n >= 1 && n <= MAX_CYCLE_DAYS ? n : null;
}

/**
 * Reads one row of cells into a client, or the reasons it cannot be read.
 * @param {string[]} cells
 * @param {Record<string, number>} mapping field key → column index
 * @param {number} line the row's first line in the file (1-based), its id when no ID column is mapped
 * @returns {{ client?: object, errors: { field: string, code: string, value?: string }[], empty?: boolean }}
 */
export function readRow(cells, mapping, line) {
  // Whitespace, line breaks in quotes among it, reads as one space.
  const cell = (key) => (key in mapping ? String(cells[mapping[key]] ?? '').replace(/\s+/g, ' ').trim() : '');
  if (cells.every((c) => String(c ?? '').trim() === '')) return { errors: [], empty: true };
  const errors = [];
  const fail = (field, code, value) => errors.push(value === undefined ? { field, code } : { field, code, value });

  const name = cell('name');
  if (!name) fail('name', 'missing');
  const client = { id: cell('id') || `row-${line}`, name };

  const segment = cell('segment');
  if (segment) {
    const s = parseSegment(segment);
    if (s) client.segment = s;
    else fail('segment', 'bad_segment', segment);
  }

  const lastOrder = cell('lastOrder');
  const amountText = cell('amount');
  let date = null;
  if (lastOrder) {
    date = parseDate(lastOrder);
    if (!date) fail('lastOrder', 'bad_date', lastOrder);
  }
  let amount;
  if (amountText) {
    amount = parseAmount(amountText);
    if (Number.isNaN(amount)) fail('amount', 'bad_amount', amountText);
    else if (amount < 0) fail('amount', 'negative', amountText);
  }
  if (date) client.orders = [amount >= 0 ? { date, amount } : { date }];

  const cycle = cell('cycle');
  if (cycle) {
    const n = parseCycle(cycle);
    if (n) client.orderCycleDays = n;
    else fail('cycle', 'bad_cycle', cycle);
  }

  const channels = [];
  if (cell('phone')) channels.push('phone');
  if (cell('email')) channels.push('email');
  if (channels.length) client.channels = channels;

  const contact = cell('contact');
  const birthdayText = cell('birthday');
  let birthday = null;
  if (birthdayText) {
    birthday = parseBirthday(birthdayText);
    if (!birthday) fail('birthday', 'bad_birthday', birthdayText);
    else if (!contact) fail('birthday', 'birthday_no_contact', birthdayText);
  }
  if (contact) {
    const person = { name: contact, role: 'decision_maker' };
    if (birthday) person.birthday = birthday;
    if (channels.length) person.channels = channels;
    client.contacts = [person];
  }

  const manager = cell('manager');
  if (manager) client.manager = manager;
  return errors.length ? { errors } : { client, errors };
}

const FIELD_LABELS = {
  ru: {
    name: 'Клиент', id: 'ID клиента', segment: 'Сегмент', lastOrder: 'Дата последнего заказа', amount: 'Сумма заказа',
    contact: 'ЛПР', birthday: 'День рождения ЛПР', manager: 'Ответственный менеджер', phone: 'Телефон', email: 'E-mail',
    cycle: 'Цикл заказа, дней', file: 'Файл',
  },
  en: {
    name: 'Client', id: 'Client ID', segment: 'Segment', lastOrder: 'Last order date', amount: 'Order amount',
    contact: 'Decision maker', birthday: "Decision maker's birthday", manager: 'Responsible manager', phone: 'Phone', email: 'E-mail',
    cycle: 'Order cycle, days', file: 'File',
  },
};

const REASONS = {
  ru: {
    missing: 'пусто, а без названия клиента строку не прочесть',
    bad_segment: (v) => `«${v}» — не сегмент (A+, A, B, C или D)`,
    bad_date: (v) => `«${v}» — не дата (дд.мм.гггг или гггг-мм-дд)`,
    bad_birthday: (v) => `«${v}» — не дата (дд.мм.гггг, дд.мм или гггг-мм-дд)`,
    birthday_no_contact: (v) => `«${v}»: день рождения есть, а ЛПР не указан`,
    bad_amount: (v) => `«${v}» — не число (например, 1 234 567,89)`,
    negative: (v) => `«${v}» — сумма меньше нуля`,
    bad_cycle: (v) => `«${v}» — не число дней от 1 до ${MAX_CYCLE_DAYS}`,
    duplicate_id: (v) => `«${v}» уже был в строке выше`,
    quotes: 'кавычка открыта и не закрыта до конца файла',
  },
  en: {
    missing: 'empty, and a row without the client name cannot be read',
    bad_segment: (v) => `"${v}" is not a segment (A+, A, B, C or D)`,
    bad_date: (v) => `"${v}" is not a date (dd.mm.yyyy or yyyy-mm-dd)`,
    bad_birthday: (v) => `"${v}" is not a date (dd.mm.yyyy, dd.mm or yyyy-mm-dd)`,
    birthday_no_contact: (v) => `"${v}": a birthday but no decision maker`,
    bad_amount: (v) => `"${v}" is not a number (e.g. 1 234 567.89)`,
    negative: (v) => `"${v}" is below zero`,
    bad_cycle: (v) => `"${v}" is not a number of days from 1 to ${MAX_CYCLE_DAYS}`,
    duplicate_id: (v) => `"${v}" was already used in a row above`,
    quotes: 'a quote is opened and not closed before the end of the file',
  },
};

/** A field's label in `locale` (`ru`, `en`). */
export function fieldLabel(locale, key) {
  return (FIELD_LABELS[locale] ?? FIELD_LABELS.ru)[key] ?? key;
}

/** A row error as one sentence: `Строка 5, Сегмент: «Q» — не сегмент (A+, A, B, C или D)`. */
export function rowErrorText(locale, line, error) {
  const reasons = REASONS[locale] ?? REASONS.ru;
  const reason = reasons[error.code];
  const text = typeof reason === 'function' ? reason(error.value ?? '') : reason ?? error.code;
  const lineWord = locale === 'en' ? 'Line' : 'Строка';
  return `${lineWord} ${line}, ${fieldLabel(locale, error.field)}: ${text}`;
}
