// Texts of the «Книга клиентов» page (index.html) in Russian (default) and
// English; the field names and row errors are csv-fields.js', the dates
// and counts the widget's (touch-plan-i18n.js).

import { fill } from '../widget/touch-plan-i18n.js';

const TEXTS = {
  ru: {
    pageTitle: 'touchplan — книга клиентов',
    heading: 'Книга клиентов',
    tagline: 'Выгрузка клиентов из CRM в CSV → план касаний каждого и нагрузка менеджеров по дням.',
    language: 'Язык',
    calculatorLink: 'Калькулятор касаний',
    sourceTitle: '1. Файл с клиентами',
    dropHint: 'Перетащите сюда CSV-файл (выгрузку списка клиентов из CRM или Excel) или',
    chooseFile: 'выберите файл',
    pasteTitle: 'Или вставьте текст CSV',
    pasteLabel: 'Текст CSV',
    pasteRead: 'Прочитать',
    sample: 'Пример: 200 клиентов',
    template: 'Скачать шаблон CSV',
    templateHint: 'Шаблон: заголовки по-русски, разделитель «;», UTF-8. Excel откроет его двойным щелчком.',
    privacy: 'Файл читается в браузере и никуда не отправляется: на сервер не уходит ни строки.',
    mapTitle: '2. Столбцы',
    mapHint: 'Для каждого поля выберите столбец файла; угаданное по заголовкам уже выбрано. Обязателен только «Клиент».',
    fileInfo: '{file}: {rows}, кодировка {encoding}, разделитель {delimiter}.',
    encoding: 'Кодировка',
    encodingAuto: 'определить ({found})',
    delimiter: 'Разделитель',
    delimiters: { ';': 'точка с запятой ;', ',': 'запятая ,', '\t': 'табуляция' },
    notMapped: '— не брать —',
    column: 'столбец {n}',
    required: 'обязательно',
    previewTitle: 'Первые строки — так они будут прочитаны',
    previewLine: 'Строка',
    previewProblem: 'Не прочитана',
    summary: 'Будет импортировано: {imported}. Пропущено строк: {skipped}.',
    summaryDone: 'Импортировано: {imported}. Пропущено строк: {skipped}.',
    errorsTitle: 'Строки, которые не прочитать',
    moreErrors: '…и ещё {n}',
    noName: 'Выберите столбец для поля «Клиент».',
    noRows: 'В файле нет строк с клиентами.',
    import: 'Построить книгу',
    bookTitle: '3. Книга',
    capacity: 'Личных касаний менеджера в день',
    ownCapacities: 'Своя норма у менеджера',
    ownCapacitiesHint: 'Пустое поле — общая норма выше.',
    today: 'План от даты',
    back: '← К файлу и столбцам',
    readFailed: 'Файл не прочитан: {detail}',
    rowsCount: { one: '{n} строка', few: '{n} строки', many: '{n} строк', other: '{n} строки' },
  },
  en: {
    pageTitle: 'touchplan — client book',
    heading: 'Client book',
    tagline: 'A CRM client list as CSV → each client\'s touch plan and the managers\' load per day.',
    language: 'Language',
    calculatorLink: 'Touch calculator',
    sourceTitle: '1. The client file',
    dropHint: 'Drop a CSV file here (a client list exported from a CRM or Excel) or',
    chooseFile: 'choose a file',
    pasteTitle: 'Or paste CSV text',
    pasteLabel: 'CSV text',
    pasteRead: 'Read',
    sample: 'Sample: 200 clients',
    template: 'Download the CSV template',
    templateHint: 'The template: English headers, commas, dates as 2026-11-15, UTF-8. The Russian page gives Russian Excel\'s template (headers in Russian, «;»).',
    privacy: 'The file is read in the browser and sent nowhere: not a line goes to a server.',
    mapTitle: '2. Columns',
    mapHint: 'For each field pick a column of the file; the ones guessed from the headers are picked already. Only "Client" is required.',
    fileInfo: '{file}: {rows}, encoding {encoding}, delimiter {delimiter}.',
    encoding: 'Encoding',
    encodingAuto: 'detect ({found})',
    delimiter: 'Delimiter',
    delimiters: { ';': 'semicolon ;', ',': 'comma ,', '\t': 'tab' },
    notMapped: '— skip —',
    column: 'column {n}',
    required: 'required',
    previewTitle: 'The first rows as they will be read',
    previewLine: 'Line',
    previewProblem: 'Not read',
    summary: 'To import: {imported}. Rows skipped: {skipped}.',
    summaryDone: 'Imported: {imported}. Rows skipped: {skipped}.',
    errorsTitle: 'Rows that cannot be read',
    moreErrors: '…and {n} more',
    noName: 'Pick the column for the "Client" field.',
    noRows: 'The file has no client rows.',
    import: 'Build the book',
    bookTitle: '3. The book',
    capacity: 'Personal touches per manager per day',
    ownCapacities: 'A manager\'s own capacity',
    ownCapacitiesHint: 'Leave empty for the common capacity above.',
    today: 'Plan from',
    back: '← Back to the file and columns',
    readFailed: 'The file could not be read: {detail}',
    rowsCount: { one: '{n} row', other: '{n} rows' },
  },
};

/** The page's text `key` in `locale`, `{name}` placeholders filled from `vars`. */
export function bt(locale, key, vars = {}) {
  const text = TEXTS[locale]?.[key] ?? TEXTS.ru[key] ?? key;
  return typeof text === 'string' ? fill(text, vars) : text;
}

/** `n` rows in words: «198 строк», "1 row". */
export function rowsCount(locale, n) {
  const forms = bt(locale, 'rowsCount');
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
  return fill(form, { n: new Intl.NumberFormat(locale).format(n) });
}
