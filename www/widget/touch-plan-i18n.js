// Texts of the <touch-plan> widget in Russian (default) and English.
// The engine writes the plan's own texts (why, reasons, warnings, errors);
// this module holds the widget's labels and the names of the vocabulary.

/** The languages the widget speaks; the first one is the default. */
export const LOCALES = ['ru', 'en'];

const TEXTS = {
  ru: {
    title: 'План касаний',
    titleFor: 'План касаний: {name}',
    loading: 'Строим план…',
    empty: 'Нет данных клиента. Передайте их свойством client, атрибутом src или разметкой data-touchplan-field.',
    errorTitle: 'Не удалось построить план',
    errorHint: 'Исправьте данные клиента — план обновится сам.',
    viewMonth: 'Месяц',
    viewList: 'Список',
    views: 'Вид',
    downloadIcs: 'Календарь .ics',
    downloadCsv: 'Таблица .csv',
    prevMonth: 'Предыдущий месяц',
    nextMonth: 'Следующий месяц',
    calendarHelp: 'Стрелки — по дням, Enter — открыть касание',
    legend: 'Обозначения',
    slot: 'Слот без конкретного повода',
    scheduledMark: 'Отложенное сообщение',
    automatedMark: 'Автоматически (маркетинг)',
    summary: 'Сводка',
    thisCycle: 'Касания менеджера за первый цикл ({days})',
    cycleNorm: 'норма цикла — {total}',
    cycleExtras: 'сверх нормы {extra}: поздравления, проверки, мероприятия и др.',
    cycleHint: 'Норма цикла (R2 — сколько касаний за цикл): обязательные, стандартные и по будущей сделке. Сверх нормы — поздравления, проверки, продления, извинения, мероприятия.',
    automatedStat: 'Автоматически за цикл',
    automatedNote: 'от имени менеджера, шлёт маркетинг',
    ratio: 'Стандартные : обязательные (R3 — баланс)',
    ratioValue: '{ratio} : 1',
    ratioTarget: 'цель 2 : 1',
    noRatio: '—',
    nextTouch: 'Следующее касание',
    noNextTouch: 'нет',
    warnings: 'Предупреждения',
    noWarnings: 'нет',
    warningGroups: '{groups} · {dates}',
    warningsHint: 'Одна строка — одна причина; раскройте её, чтобы увидеть даты и что сделать.',
    warningDates: 'Даты',
    showWarnings: 'Показать предупреждения',
    slotGroup: 'Все слоты без повода: {dates}',
    rgGlossary: 'S — начало периода обслуживания, E — его конец, R — время реакции клиента (дней до конца), G — наибольший допустимый перерыв между касаниями.',
    details: 'Касание',
    pickDay: 'Выберите день с касанием в календаре или в списке.',
    noTouchOnDay: 'На {date} касаний нет.',
    kind: 'Тип',
    purposes: 'Объединены цели',
    channel: 'Канал',
    contact: 'Контакт',
    contacts: 'Касается',
    rule: 'Правило',
    movedFrom: 'Перенесено с {date} (нерабочий день)',
    notes: 'Проверить перед касанием',
    reasons: 'Поводы',
    bestReason: 'лучший',
    taskCreate: 'Поставить задачу',
    taskPending: 'Задача ставится…',
    taskDone: 'Задача поставлена',
    taskFailed: 'Задачу поставить не удалось.',
    taskNoHandler: 'На этой странице некому поставить задачу: подключите набор для вашей CRM.',
    automated: 'Отправляет маркетинг от имени менеджера',
    scheduled: 'Сообщение готовится заранее и уходит в этот день',
    slotNotice: 'Конкретного повода пока нет: заполните слот из контент-плана или пропустите его.',
    touchOf: 'Касание {n} из {count}',
    field: 'Поле',
    touches: 'Касания: {count}',
    noTouches: 'В плане нет касаний.',
    today: 'сегодня',
    printDate: 'Дата',
    pastTouch: 'Прошлое касание',
    pastShort: 'Было',
    calendarName: 'План касаний — {name}',
    widgetErrors: {
      src_not_found: 'Не найден <script type="application/json" id="{id}"> с данными клиента.',
      map_not_found: 'Не найдена карта полей <script type="application/json" id="{id}">.',
      scope_not_found: 'Не найден блок страницы «{id}» с полями data-touchplan-field.',
      invalid_json: 'Содержимое не является корректным JSON: {detail}',
      invalid_map: 'Карта полей должна быть JSON-объектом «CSS-селектор → поле».',
      invalid_selector: 'Некорректный CSS-селектор: {detail}',
      engine_unavailable: 'Не удалось загрузить модуль расчёта: {detail}',
      invalid_value: 'Значение нельзя прочитать: {detail}',
      internal: 'Внутренняя ошибка: {detail}',
    },
  },
  en: {
    title: 'Touch plan',
    titleFor: 'Touch plan: {name}',
    loading: 'Planning…',
    empty: 'No client data. Pass it with the client property, the src attribute or data-touchplan-field markup.',
    errorTitle: 'The plan could not be built',
    errorHint: 'Correct the client data — the plan updates by itself.',
    viewMonth: 'Month',
    viewList: 'List',
    views: 'View',
    downloadIcs: 'Calendar .ics',
    downloadCsv: 'Table .csv',
    prevMonth: 'Previous month',
    nextMonth: 'Next month',
    calendarHelp: 'Arrow keys move across days, Enter opens the touch',
    legend: 'Legend',
    slot: 'Slot without a specific reason',
    scheduledMark: 'Scheduled message',
    automatedMark: 'Automated (marketing)',
    summary: 'Summary',
    thisCycle: 'Manager’s touches in the first cycle ({days})',
    cycleNorm: 'the cycle’s norm is {total}',
    cycleExtras: '{extra} beyond the norm: greetings, checks, events and more',
    cycleHint: 'The cycle’s norm (R2 — touches per cycle): mandatory, standard and need-discovery touches. Beyond it: greetings, checks, renewals, apologies, events.',
    automatedStat: 'Automated per cycle',
    automatedNote: 'in the manager’s name, sent by marketing',
    ratio: 'Standard : mandatory (R3 — balance)',
    ratioValue: '{ratio} : 1',
    ratioTarget: 'target 2 : 1',
    noRatio: '—',
    nextTouch: 'Next touch',
    noNextTouch: 'none',
    warnings: 'Warnings',
    noWarnings: 'none',
    warningGroups: '{groups} · {dates}',
    warningsHint: 'One line per cause; open it for the dates and what to do.',
    warningDates: 'Dates',
    showWarnings: 'Show the warnings',
    slotGroup: 'All slots without a reason: {dates}',
    rgGlossary: 'S — the service period’s start, E — its end, R — the client’s reaction time (days before the end), G — the longest allowed gap between touches.',
    details: 'Touch',
    pickDay: 'Pick a day with a touch in the calendar or the list.',
    noTouchOnDay: 'No touches on {date}.',
    kind: 'Kind',
    purposes: 'Merged purposes',
    channel: 'Channel',
    contact: 'Contact',
    contacts: 'Concerns',
    rule: 'Rule',
    movedFrom: 'Moved from {date} (a non-working day)',
    notes: 'Check before the touch',
    reasons: 'Reasons',
    bestReason: 'best',
    taskCreate: 'Create a task',
    taskPending: 'Creating the task…',
    taskDone: 'Task created',
    taskFailed: 'The task could not be created.',
    taskNoHandler: 'Nothing on this page creates tasks: add the kit for your CRM.',
    automated: 'Sent by marketing in the manager’s name',
    scheduled: 'A message prepared ahead and sent that day',
    slotNotice: 'No specific reason yet: fill the slot from the content plan or skip it.',
    touchOf: 'Touch {n} of {count}',
    field: 'Field',
    touches: 'Touches: {count}',
    noTouches: 'The plan has no touches.',
    today: 'today',
    printDate: 'Date',
    pastTouch: 'Past touch',
    pastShort: 'Past',
    calendarName: 'Touch plan — {name}',
    widgetErrors: {
      src_not_found: 'No <script type="application/json" id="{id}"> with the client data was found.',
      map_not_found: 'No field map <script type="application/json" id="{id}"> was found.',
      scope_not_found: 'No page block “{id}” with data-touchplan-field fields was found.',
      invalid_json: 'The content is not valid JSON: {detail}',
      invalid_map: 'The field map must be a JSON object “CSS selector → field”.',
      invalid_selector: 'Invalid CSS selector: {detail}',
      engine_unavailable: 'The planning module could not be loaded: {detail}',
      invalid_value: 'The value cannot be read: {detail}',
      internal: 'Internal error: {detail}',
    },
  },
};

// Plain names of the rules (docs: the rule book), so that a rule number
// never reaches the reader alone: "R6 — окно реакции".
const RULES = {
  ru: {
    R1: 'полезный повод', R2: 'сколько касаний за цикл', R3: 'баланс обязательных и стандартных',
    R4: 'будущая сделка и касание перед заказом', R5: 'до старта, первый день, дни тишины',
    R6: 'окно реакции', R7: 'разные форматы', R8: 'ценность клиента решает усилия', R9: 'поздравления в меру',
    R10: 'предложения тем, кому подходят', R11: 'истекающие сроки и продления', R12: 'извинение после сбоя',
    R13: 'один план, без назойливости', R14: 'рабочие дни', R15: 'кого касаться', R16: 'день менеджера не бесконечен',
  },
  en: {
    R1: 'a useful reason', R2: 'touches per cycle', R3: 'the mandatory : standard balance',
    R4: 'need discovery and the pre-order touch', R5: 'before the start, the first day, days of silence',
    R6: 'the reaction window', R7: 'varied formats', R8: 'value decides the effort', R9: 'greetings, sparingly',
    R10: 'offers only where they fit', R11: 'expiries and renewals', R12: 'an apology after a failure',
    R13: 'one plan, no pestering', R14: 'working days', R15: 'whom to touch', R16: 'a manager’s day is finite',
  },
};

// Counted words: Intl plural category → form.
const COUNTED = {
  ru: {
    day: { one: 'день', few: 'дня', many: 'дней' },
    date: { one: 'дата', few: 'даты', many: 'дат' },
    group: { one: 'причина', few: 'причины', many: 'причин' },
    touch: { one: 'касание', few: 'касания', many: 'касаний' },
    client: { one: 'клиент', few: 'клиента', many: 'клиентов' },
    move: { one: 'перенос', few: 'переноса', many: 'переносов' },
  },
  en: {
    day: { one: 'day', other: 'days' },
    date: { one: 'date', other: 'dates' },
    group: { one: 'cause', other: 'causes' },
    touch: { one: 'touch', other: 'touches' },
    client: { one: 'client', other: 'clients' },
    move: { one: 'move', other: 'moves' },
  },
};

const KINDS = {
  ru: {
    mandatory: 'Обязательное',
    standard: 'Стандартное',
    need: 'Будущая сделка',
    event: 'Приглашение на мероприятие',
    meeting: 'Встреча по итогам года',
    greeting: 'Поздравление',
    renewal: 'Продление',
    check: 'Проверка',
    apology: 'Извинение',
    first_day: 'Первый день',
    onboarding: 'Ввод в работу',
  },
  en: {
    mandatory: 'Mandatory',
    standard: 'Standard',
    need: 'Need discovery',
    event: 'Event invitation',
    meeting: 'Annual results meeting',
    greeting: 'Greeting',
    renewal: 'Renewal',
    check: 'Check',
    apology: 'Apology',
    first_day: 'First day',
    onboarding: 'Onboarding',
  },
};

// Short names for the markers inside a day cell.
const KINDS_SHORT = {
  ru: {
    mandatory: 'Обязат.', standard: 'Станд.', need: 'Сделка', event: 'Меропр.', meeting: 'Итоги',
    greeting: 'Поздр.', renewal: 'Продл.', check: 'Провер.', apology: 'Извин.', first_day: '1-й день',
    onboarding: 'Старт',
  },
  en: {
    mandatory: 'Mand.', standard: 'Std.', need: 'Need', event: 'Event', meeting: 'Results',
    greeting: 'Greet.', renewal: 'Renew.', check: 'Check', apology: 'Apology', first_day: 'Day 1',
    onboarding: 'Onb.',
  },
};

/** Every touch kind, in the order of the legend. */
export const TOUCH_KINDS = Object.keys(KINDS.en);

const CHANNELS = {
  ru: {
    phone: 'Звонок',
    visit: 'Визит',
    messenger: 'Мессенджер',
    email: 'Эл. почта',
    sms: 'СМС',
    newsletter: 'Рассылка',
    event: 'Встреча на мероприятии',
    staff: 'Сотрудники клиента',
    portal: 'Личный кабинет',
    social: 'Соцсети',
    letter: 'Письмо по почте',
  },
  en: {
    phone: 'Phone call',
    visit: 'Visit',
    messenger: 'Messenger',
    email: 'Email',
    sms: 'SMS',
    newsletter: 'Newsletter',
    event: 'Meeting at an event',
    staff: 'Client’s staff',
    portal: 'Client portal',
    social: 'Social pages',
    letter: 'Letter by post',
  },
};

const ROLES = {
  ru: {
    decision_maker: 'ЛПР',
    influencer: 'ЛВР',
    technical: 'технический специалист',
    user: 'пользователь',
    buyer: 'закупщик',
    other: 'другое',
  },
  en: {
    decision_maker: 'decision maker',
    influencer: 'influencer',
    technical: 'technical',
    user: 'user',
    buyer: 'buyer',
    other: 'other',
  },
};

// Names of input fields, so that an error says "Order 3, date" rather than
// "client.orders[2].date" to a manager.
const FIELDS = {
  ru: {
    today: 'сегодняшняя дата', horizonMonths: 'горизонт (мес.)', locale: 'язык',
    client: 'клиент', company: 'компания', settings: 'настройки',
    id: 'идентификатор', name: 'название', segment: 'сегмент', saleType: 'тип продажи',
    orderCycleDays: 'цикл заказа (дн.)', mandatoryPerOrder: 'обязательных на заказ',
    mandatorySteps: 'обязательные шаги', orders: 'заказ', date: 'дата', amount: 'сумма',
    categories: 'категории', items: 'позиции', promo: 'акция', service: 'период обслуживания',
    start: 'начало', end: 'окончание', reactionDays: 'время реакции (дн.)', kind: 'вид',
    frozenFrom: 'заморозка с', frozenTo: 'заморозка по', promoUntil: 'акция до',
    expiries: 'срок', what: 'что', contacts: 'контакт', role: 'роль', birthday: 'день рождения',
    channels: 'каналы', interests: 'интересы', industry: 'отрасль', annualRevenue: 'выручка за год',
    flags: 'признаки', openDeal: 'открытая сделка', since: 'с', stage: 'стадия',
    incidents: 'инцидент', summary: 'описание', history: 'прошлое касание', channel: 'канал',
    reason: 'повод', contentPlan: 'пункт контент-плана', title: 'заголовок', events: 'мероприятие',
    holidays: 'выходной', workdays: 'рабочий день', until: 'до', pilot: 'пилот с',
  },
  en: {
    today: 'today’s date', horizonMonths: 'horizon (months)', locale: 'language',
    client: 'client', company: 'company', settings: 'settings',
    id: 'id', name: 'name', segment: 'segment', saleType: 'sale type',
    orderCycleDays: 'order cycle (days)', mandatoryPerOrder: 'mandatory per order',
    mandatorySteps: 'mandatory steps', orders: 'order', date: 'date', amount: 'amount',
    categories: 'categories', items: 'items', promo: 'promotion', service: 'service period',
    start: 'start', end: 'end', reactionDays: 'reaction time (days)', kind: 'kind',
    frozenFrom: 'frozen from', frozenTo: 'frozen to', promoUntil: 'promotion until',
    expiries: 'expiry', what: 'what', contacts: 'contact', role: 'role', birthday: 'birthday',
    channels: 'channels', interests: 'interests', industry: 'industry', annualRevenue: 'annual revenue',
    flags: 'flags', openDeal: 'open deal', since: 'since', stage: 'stage',
    incidents: 'incident', summary: 'summary', history: 'past touch', channel: 'channel',
    reason: 'reason', contentPlan: 'content-plan item', title: 'title', events: 'event',
    holidays: 'holiday', workdays: 'working day', until: 'until', pilot: 'pilot from',
  },
};

/** `ru` or `en` from a BCP 47 tag such as `ru-RU`; anything else is `null`. */
export function localeOf(tag) {
  const base = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.includes(base) ? base : null;
}

/** The text `key` in `locale`, with `{name}` placeholders filled from `vars`. */
export function t(locale, key, vars = {}) {
  const text = TEXTS[locale]?.[key] ?? TEXTS.ru[key] ?? key;
  return fill(text, vars);
}

/** The widget's own error message for `code` (errors the engine never sees). */
export function widgetErrorMessage(locale, code, vars = {}) {
  const table = TEXTS[locale]?.widgetErrors ?? TEXTS.ru.widgetErrors;
  return fill(Object.hasOwn(table, code) ? table[code] : table.internal, vars);
}

/** `text` with `{name}` placeholders filled from `vars`; unknown ones stay. */
export function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

const pluralRules = new Map();

/** `n` and the counted `word` (day, date, group, touch, client, move) by the locale's plural rules: "5 дней", "21 касание". */
export function countOf(locale, n, word) {
  const loc = COUNTED[locale] ? locale : 'ru';
  if (!pluralRules.has(loc)) pluralRules.set(loc, new Intl.PluralRules(loc));
  const forms = COUNTED[loc][word];
  const form = forms[pluralRules.get(loc).select(n)] ?? forms.many ?? forms.other;
  return `${numberFormat(loc, 0).format(n)} ${form}`;
}

// Intl formatters are made once per locale: a new one per call cost the
// first render tens of milliseconds (issue 18).
const numberFormats = new Map();
function numberFormat(locale, fractionDigits) {
  const key = `${locale}|${fractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, fractionDigits ? { maximumFractionDigits: fractionDigits } : undefined);
    numberFormats.set(key, f);
  }
  return f;
}

/** A rule number with its plain name, "R6 — окно реакции"; several ("R2/R4") each named. */
export function ruleLabel(locale, rule) {
  const names = RULES[locale] ?? RULES.ru;
  return String(rule ?? '').split(/[\/,+ ]+/).filter(Boolean)
    .map((r) => (Object.hasOwn(names, r) ? `${r} — ${names[r]}` : r)).join('; ');
}

/** `text` with every ISO date in it written the locale's way ("1 декабря 2026"). */
export function localiseDates(locale, text) {
  return String(text ?? '').replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (iso) => formatDate(locale, iso));
}

export const kindLabel = (locale, kind) => KINDS[locale]?.[kind] ?? kind;
export const kindShortLabel = (locale, kind) => KINDS_SHORT[locale]?.[kind] ?? kind;

// R12's follow-up is `apology` on the wire (CONTRACT) but not a second
// apology (DOMAIN's protection list): it is shown by its own words, as the
// engine's text plan and exports do.
const FOLLOW_UP = { ru: 'После сбоя', en: 'Follow-up' };
const FOLLOW_UP_SHORT = { ru: 'П/сбоя', en: 'Follow' };
const isFollowUp = (touch, kind) => kind === 'apology'
  && (touch?.reasons ?? []).some((r) => r.code === 'apology_follow_up')
  && !(touch?.reasons ?? []).some((r) => r.code === 'apology');

/** The word for `kind` (the touch's own by default, or one of its merged purposes) on `touch`. */
export const touchKindLabel = (locale, touch, kind = touch.kind) =>
  (isFollowUp(touch, kind) ? FOLLOW_UP[locale] ?? FOLLOW_UP.en : kindLabel(locale, kind));
/** The short marker word for a touch's kind. */
export const touchKindShortLabel = (locale, touch) =>
  (isFollowUp(touch, touch.kind) ? FOLLOW_UP_SHORT[locale] ?? FOLLOW_UP_SHORT.en : kindShortLabel(locale, touch.kind));
export const channelLabel = (locale, channel) => CHANNELS[locale]?.[channel] ?? channel;
export const roleLabel = (locale, role) => ROLES[locale]?.[role] ?? role;

/**
 * A JSON path of the input (`client.orders[2].date`) in words
 * (`заказ 3 › дата`); unknown segments stay as they are.
 */
export function fieldLabel(locale, path) {
  if (!path) return '';
  const names = FIELDS[locale] ?? FIELDS.ru;
  const parts = [];
  for (const m of String(path).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[1] !== undefined) {
      if (m[1] === 'client' && parts.length === 0) continue;
      parts.push(Object.hasOwn(names, m[1]) ? names[m[1]] : m[1]);
    } else if (parts.length) {
      parts[parts.length - 1] += ` ${Number(m[2]) + 1}`;
    }
  }
  return parts.join(' › ') || names.client;
}

const dateFormats = new Map();

/** An ISO date in words, e.g. `24 ноября 2026 г.`; `style` picks the Intl options. */
export function formatDate(locale, iso, style = 'long') {
  const key = `${locale}|${style}`;
  if (!dateFormats.has(key)) {
    const options = {
      long: { day: 'numeric', month: 'long', year: 'numeric' },
      weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
      short: { day: 'numeric', month: 'short' },
      month: { month: 'long', year: 'numeric' },
      weekdayShort: { weekday: 'short' },
    }[style];
    // English dates read "1 December 2026" (DOMAIN.md), as en-GB writes them.
    dateFormats.set(key, new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { ...options, timeZone: 'UTC' }));
  }
  const [y, m, d] = iso.split('-').map(Number);
  const text = dateFormats.get(key).format(new Date(Date.UTC(y, m - 1, d)));
  // "ноябрь 2026 г." reads as a heading only when capitalised; in a
  // sentence a date reads "1 декабря 2026", without the "г.".
  if (style === 'month') return text.charAt(0).toUpperCase() + text.slice(1);
  return locale === 'ru' ? text.replace(/ г\.$/, '') : text;
}

/** A ratio such as 1.5 as `1,5` (ru) or `1.5` (en). */
export function formatNumber(locale, value) {
  return numberFormat(locale, 1).format(value);
}
