// The README's picture of the client book's import: the mapping step (ru)
// for a Windows-1251 CRM export with headers of its own wording, a column
// the book does not use, and two rows that cannot be read. Written to the
// test's output folder; `UPDATE_DOCS=1 npx playwright test
// tests/e2e/book-import-screenshot.spec.mjs` refreshes
// docs/screenshots/book-import-ru.png.
import { test, expect } from '@playwright/test';
import { cp1251 } from './cp1251.mjs';

const EXPORT = [
  'Компания;ИНН;Категория;Дата заказа;Сумма последнего заказа;ФИО ЛПР;Дата рождения ЛПР;Ответственный менеджер;Телефон;Примечание',
  'ООО «Техноком»;7701234567;A;21.11.2026;"1 250 000,00";Фёдоров Николай Иванович;31.12.1966;Ирина Белова;+7 812 397-46-92;',
  'ПАО «Байкал-Строй»;7812345678;A+;19.09.2026;"4 705 783,63";Никитин Роман Евгеньевич;30.11;Ирина Белова;+7 4872 640-88-79;ключевой',
  'ИП Медведева Татьяна Ивановна;500100732259;В;06.11.2026;222 783,24;Медведева Татьяна Ивановна;11.06.1992;Павел Громов;;',
  'ООО «Зенит-Снаб Казань»;1655012345;С;31.02.2026;200 574,72;Богданова Светлана Михайловна;;Павел Громов;+7 843 337-71-72;',
  'АО «Волга-Агро»;6315098765;B;08.11.2026;"86 400,00";Зайцев Павел Дмитриевич;25.10;Ирина Белова;;"звонить после 14:00"',
  ';7702000000;C;01.11.2026;10 000;;;Павел Громов;;пустая строка из CRM',
  'ООО «Ладога»;7805111222;C;14.10.2026;62 489,14;Козлова Мария Андреевна;03.02;Ирина Белова;+7 812 111-22-33;',
].join('\r\n');

test('the mapping step of a Windows-1251 export, ru (docs/screenshots/book-import-ru.png)', async ({ page }, testInfo) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/book/#today=2026-11-24');
  await page.locator('#file').setInputFiles({ name: 'Клиенты_выгрузка.csv', mimeType: 'text/csv', buffer: cp1251(EXPORT) });
  await expect(page.locator('#file-info')).toHaveText('Клиенты_выгрузка.csv: 7 строк, кодировка Windows-1251, разделитель точка с запятой ;.');
  await expect(page.locator('#summary')).toHaveText('Будет импортировано: 5. Пропущено строк: 2.');
  await expect(page.locator('#row-error-list li')).toHaveText([
    'Строка 5, Дата последнего заказа: «31.02.2026» — не дата (дд.мм.гггг или гггг-мм-дд)',
    'Строка 7, Клиент: пусто, а без названия клиента строку не прочесть',
  ]);
  await page.mouse.move(0, 0);
  const path = process.env.UPDATE_DOCS ? 'docs/screenshots/book-import-ru.png' : testInfo.outputPath('book-import-ru.png');
  await page.screenshot({ path, fullPage: true });
  expect(errors).toEqual([]);
});
