// Texts of <touch-plan-book> in Russian (default) and English. The names of
// kinds, channels and roles, dates and counted words come from the
// <touch-plan> widget's module (touch-plan-i18n.js); the engine writes the
// book's own texts (whys, reasons, moves, errors).

import { fill } from './touch-plan-i18n.js';

const TEXTS = {
  ru: {
    title: 'Книга клиентов',
    views: 'Разделы книги',
    viewToday: 'Сегодня',
    viewLoad: 'Нагрузка',
    viewClients: 'Клиенты',
    empty: 'Нет клиентов. Передайте их свойством clients, атрибутом src или страницей списка (list).',
    loading: 'Планируем книгу…',
    progress: 'Спланировано {done} из {total}',
    progressLabel: 'Планирование книги',
    cancel: 'Отменить',
    cancelled: 'Планирование отменено.',
    restart: 'Спланировать снова',
    errorTitle: 'Не удалось спланировать книгу',
    day: 'День',
    prevDay: 'Предыдущий день',
    nextDay: 'Следующий день',
    noManager: 'Без менеджера',
    dayLoad: '{touches} при норме {capacity}',
    nothingToday: 'Личных касаний в этот день нет.',
    automatedToo: 'Ещё автоматически: {count}',
    tied: 'привязано к дню',
    key: 'ключевое',
    scheduled: 'отложенная отправка',
    over: 'перегрузка',
    managerSummary: '{clients} · норма {capacity} в день · в среднем {mean}, максимум {max} · дней сверх нормы: {over} · {moves}',
    loadHelp: 'Столбик — личные касания рабочего дня после выравнивания; линия — норма. Стрелки — по дням, Enter — повестка дня.',
    barLabel: '{date}: {after} из {capacity}; до выравнивания {before}',
    overloads: 'Дни сверх нормы',
    overloadLine: '{date}: {load} при норме {capacity}. Клиенты: {clients}',
    moves: 'Что перенесено',
    client: 'Клиент',
    manager: 'Менеджер',
    segment: 'Сегмент',
    nextTouch: 'Следующее касание',
    count: 'Касаний',
    none: 'нет',
    inputError: 'Ошибка в данных: {message}',
    withRole: '{name} ({role})',
    widgetErrors: {
      src_not_found: 'Не найден <script type="application/json" id="{id}"> с книгой клиентов.',
      list_not_found: 'Не найден список клиентов «{id}» на странице.',
      invalid_json: 'Содержимое не является корректным JSON: {detail}',
      worker_failed: 'Не удалось запустить фоновый расчёт: {detail}',
      internal: 'Внутренняя ошибка: {detail}',
    },
  },
  en: {
    title: 'Client book',
    views: 'Book views',
    viewToday: 'Today',
    viewLoad: 'Load',
    viewClients: 'Clients',
    empty: 'No clients. Pass them in the clients property, the src attribute or a list page (list).',
    loading: 'Planning the book…',
    progress: '{done} of {total} planned',
    progressLabel: 'Planning the book',
    cancel: 'Cancel',
    cancelled: 'Planning cancelled.',
    restart: 'Plan again',
    errorTitle: 'The book could not be planned',
    day: 'Day',
    prevDay: 'Previous day',
    nextDay: 'Next day',
    noManager: 'No manager',
    dayLoad: '{touches} against a capacity of {capacity}',
    nothingToday: 'No personal touches on this day.',
    automatedToo: 'Automated besides: {count}',
    tied: 'tied to the day',
    key: 'key',
    scheduled: 'scheduled send',
    over: 'over capacity',
    managerSummary: '{clients} · capacity {capacity} a day · mean {mean}, max {max} · days over: {over} · {moves}',
    loadHelp: 'A bar is a working day\'s personal touches after levelling; the line is the capacity. Arrow keys move by day, Enter opens its agenda.',
    barLabel: '{date}: {after} of {capacity}; {before} before levelling',
    overloads: 'Days over capacity',
    overloadLine: '{date}: {load} against {capacity}. Clients: {clients}',
    moves: 'What was moved',
    client: 'Client',
    manager: 'Manager',
    segment: 'Segment',
    nextTouch: 'Next touch',
    count: 'Touches',
    none: 'none',
    inputError: 'Input error: {message}',
    withRole: '{name} ({role})',
    widgetErrors: {
      src_not_found: 'No <script type="application/json" id="{id}"> with the client book was found.',
      list_not_found: 'No client list «{id}» was found on the page.',
      invalid_json: 'The content is not valid JSON: {detail}',
      worker_failed: 'The background planning could not start: {detail}',
      internal: 'Internal error: {detail}',
    },
  },
};

/** The book's text `key` in `locale`, `{name}` placeholders filled from `vars`. */
export function bt(locale, key, vars = {}) {
  return fill(TEXTS[locale]?.[key] ?? TEXTS.ru[key] ?? key, vars);
}

/** The element's own error message for `code`. */
export function bookErrorMessage(locale, code, vars = {}) {
  const table = TEXTS[locale]?.widgetErrors ?? TEXTS.ru.widgetErrors;
  return fill(Object.hasOwn(table, code) ? table[code] : table.internal, vars);
}
