// Writes the «Книга клиентов» page's CSV files (www/book/):
//   template.csv    the headers the import guesses, with two example rows;
//   template-en.csv the same in English: English headers, `,`, yyyy-mm-dd,
//                   sums like 1250000.00 (the page in English offers it);
//   sample-200.csv  «Пример: 200 клиентов»: one manager's book, generated
//                   deterministically (mulberry32, fixed seed and date), so
//                   the file only changes when this script does.
// Both as Russian Excel reads them: UTF-8 with BOM, `;`, CRLF, dates
// dd.mm.yyyy, sums «1 234 567,89».
//
//   node scripts/gen-book-csv.mjs [out-dir]     (default www/book/)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIELDS, TEMPLATE_HEADERS, TEMPLATE_HEADERS_EN } from '../www/book/csv-fields.js';

const OUT = process.argv[2] ?? fileURLToPath(new URL('../www/book/', import.meta.url));
const TODAY = '2026-11-24';
const MANAGER = 'Ирина Белова';
const KEYS = FIELDS.map((f) => f.key);

/** A small deterministic generator (mulberry32), as www/demo/book-sample.js. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(iso, n) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const ruDate = (iso) => iso.split('-').reverse().join('.');
/** 1234567.89 → «1 234 567,89» (no-break spaces, as Excel writes them). */
const ruAmount = (n) => {
  const [whole, cents] = n.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return cents === '00' ? grouped : `${grouped},${cents}`;
};

function csvLine(cells, delimiter = ';') {
  const quote = new RegExp(`["${delimiter}\\r\\n]`);
  return cells.map((c) => (quote.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
}

function write(name, rows, { headers = TEMPLATE_HEADERS, delimiter = ';' } = {}) {
  const lines = [KEYS.map((k) => headers[k]), ...rows.map((r) => KEYS.map((k) => r[k] ?? ''))];
  const text = `\uFEFF${lines.map((cells) => csvLine(cells, delimiter)).join('\r\n')}\r\n`;
  writeFileSync(join(OUT, name), text);
  console.error(`gen-book-csv: ${join(OUT, name)} (${rows.length} rows)`);
}

write('template.csv', [
  { name: 'ООО «Пример»', id: '7701234567', segment: 'A', lastOrder: '15.11.2026', amount: '1 250 000,00', contact: 'Смирнова Анна Сергеевна', birthday: '08.03.1980', manager: MANAGER, phone: '+7 495 123-45-67', email: 'a.smirnova@primer.ru', cycle: '30' },
  { name: 'ИП Петров Иван Николаевич', id: '', segment: 'C', lastOrder: '02.10.2026', amount: '48 500', contact: 'Петров Иван Николаевич', birthday: '12.05', manager: MANAGER, phone: '', email: '', cycle: '' },
]);

write('template-en.csv', [
  { name: 'Acme Supplies, LLC', id: 'ACME-001', segment: 'A', lastOrder: '2026-11-15', amount: '1250000.00', contact: 'Anna Smirnova', birthday: '1980-03-08', manager: 'Irina Belova', phone: '+7 495 123-45-67', email: 'a.smirnova@acme.example', cycle: '30' },
  { name: 'Ivan Petrov (sole trader)', id: '', segment: 'C', lastOrder: '2026-10-02', amount: '48500', contact: 'Ivan Petrov', birthday: '--05-12', manager: 'Irina Belova', phone: '', email: '', cycle: '' },
], { headers: TEMPLATE_HEADERS_EN, delimiter: ',' });

// Realistic companies of an equipment and supplies distributor's book.
const FORMS = ['ООО', 'ООО', 'ООО', 'АО', 'ПАО', 'ИП'];
const STEMS = ['Альфа', 'Вектор', 'Гранит', 'Дельта', 'Енисей', 'Зенит', 'Исток', 'Кедр', 'Лотос', 'Меридиан', 'Нева', 'Орбита', 'Пульс', 'Радуга', 'Сокол', 'Тайга', 'Уралсталь', 'Факел', 'Янтарь', 'Волга', 'Северсталь', 'Агроинвест', 'Промтех', 'Стройдеталь', 'Техноком', 'Спектр', 'Ладога', 'Байкал', 'Полюс', 'Эталон', 'Сибирь', 'Кристалл', 'Восход', 'Стимул', 'Прогресс', 'Аврора', 'Магистраль', 'Горизонт', 'Феникс', 'Континент'];
const TRADES = ['', '', 'Трейд', 'Снаб', 'Маркет', 'Логистик', 'Строй', 'Агро', 'Мед', 'Пром'];
const CITIES = ['', '', '', '', 'Казань', 'Самара', 'Пермь', 'Тверь', 'Омск', 'Тула'];
const MALE = [['Иван', 'Петров', 'Николаевич'], ['Сергей', 'Кузнецов', 'Александрович'], ['Дмитрий', 'Орлов', 'Викторович'], ['Алексей', 'Волков', 'Игоревич'], ['Андрей', 'Соколов', 'Павлович'], ['Михаил', 'Лебедев', 'Юрьевич'], ['Олег', 'Морозов', 'Сергеевич'], ['Николай', 'Фёдоров', 'Иванович'], ['Владимир', 'Егоров', 'Андреевич'], ['Артём', 'Васильев', 'Олегович'], ['Павел', 'Зайцев', 'Дмитриевич'], ['Роман', 'Никитин', 'Евгеньевич']];
const FEMALE = [['Анна', 'Смирнова', 'Сергеевна'], ['Мария', 'Козлова', 'Андреевна'], ['Елена', 'Новикова', 'Викторовна'], ['Ольга', 'Попова', 'Николаевна'], ['Татьяна', 'Медведева', 'Ивановна'], ['Наталья', 'Голубева', 'Петровна'], ['Ирина', 'Виноградова', 'Алексеевна'], ['Светлана', 'Богданова', 'Михайловна'], ['Юлия', 'Тарасова', 'Олеговна'], ['Екатерина', 'Белова', 'Дмитриевна']];
const SEGMENTS = ['A+', 'A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'D'];
const CYCLES = ['14', '30', '30', '30', '45', '60', '60', '90', '', ''];
const LATIN = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', э: 'e', ю: 'yu', я: 'ya', ь: '', ъ: '' };
const latin = (s) => [...s.toLowerCase()].map((c) => LATIN[c] ?? c).join('').replace(/[^a-z0-9]/g, '');

const rnd = random(2026);
const pick = (list) => list[Math.floor(rnd() * list.length)];
const rows = [];
const names = new Set();
for (let i = 0; rows.length < 200; i++) {
  const form = pick(FORMS);
  const [first, last, middle] = rnd() < 0.6 ? pick(MALE) : pick(FEMALE);
  let name;
  if (form === 'ИП') name = `ИП ${last} ${first} ${middle}`;
  else {
    const [stem, trade, city] = [pick(STEMS), pick(TRADES), pick(CITIES)];
    name = `${form} «${stem}${trade ? `-${trade}` : ''}${city ? ` ${city}` : ''}»`;
  }
  if (names.has(name)) continue;
  names.add(name);
  const segment = pick(SEGMENTS);
  const cycle = pick(CYCLES);
  const days = Number(cycle || 45);
  const base = { 'A+': 2_500_000, A: 900_000, B: 300_000, C: 90_000, D: 25_000 }[segment];
  const amount = Math.round(base * (0.5 + rnd()) * 100) / 100;
  const lastOrder = addDays(TODAY, -1 - Math.floor(rnd() * days * 1.5));
  const contact = `${last} ${first} ${middle}`;
  const birthdayDate = addDays('1965-01-01', Math.floor(rnd() * 365 * 30));
  const birthday = rnd() < 0.7 ? (rnd() < 0.5 ? ruDate(birthdayDate) : ruDate(birthdayDate).slice(0, 5)) : '';
  const phone = rnd() < 0.85 ? `+7 ${pick(['495', '812', '843', '846', '342', '4822', '3812', '4872'])} ${String(100 + Math.floor(rnd() * 900))}-${String(10 + Math.floor(rnd() * 90))}-${String(10 + Math.floor(rnd() * 90))}` : '';
  const email = rnd() < 0.75 ? `${latin(first)[0]}.${latin(last)}@${latin(name.replace(/^(ООО|АО|ПАО|ИП)\s*/, '')).slice(0, 14) || 'mail'}.ru` : '';
  rows.push({
    name, id: `CRM-${String(10001 + rows.length)}`, segment, lastOrder: ruDate(lastOrder), amount: ruAmount(amount),
    contact, birthday, manager: MANAGER, phone, email, cycle,
  });
}
write('sample-200.csv', rows);
