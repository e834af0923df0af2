// A generated manager's book for the <touch-plan-book> demo and its tests:
// `n` clients shared among managers, deterministic (the same arguments give
// the same book), Russian names, several segments, orders, contacts with
// birthdays, an expiry or an incident here and there.

const NAMES = ['Альфа', 'Вектор', 'Гранит', 'Дельта', 'Енисей', 'Зенит', 'Исток', 'Кедр', 'Лотос', 'Меридиан', 'Нева', 'Орбита', 'Пульс', 'Радуга', 'Сокол', 'Тайга', 'Уран', 'Факел', 'Холдинг-Юг', 'Янтарь'];
const FORMS = ['ООО', 'АО', 'ИП', 'ПАО'];
const PEOPLE = ['Анна Смирнова', 'Иван Петров', 'Мария Козлова', 'Олег Волков', 'Елена Соколова', 'Дмитрий Орлов', 'Ольга Новикова', 'Сергей Лебедев'];
const SEGMENTS = ['A+', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'D'];
const CHANNELS = [['phone', 'email'], ['phone', 'visit', 'messenger', 'email'], ['email', 'messenger'], ['phone']];
const CYCLES = [14, 30, 30, 45, 60, 90];

/** A small deterministic generator (mulberry32). */
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

/**
 * @param {{ n?: number, managers?: string[], today?: string, seed?: number, bad?: number[] }} [options]
 *   `bad`: indices of clients given an impossible order date (they fail alone).
 * @returns {{ today: string, clients: object[] }}
 */
export function sampleBook({ n = 50, managers = ['Ирина Белова', 'Павел Громов'], today = '2026-11-24', seed = 19, bad = [] } = {}) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const clients = [];
  for (let i = 0; i < n; i++) {
    const cycle = pick(CYCLES);
    const orders = [];
    let date = addDays(today, -Math.floor(rnd() * cycle) - 1);
    for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
      orders.unshift({ date, amount: Math.round(50000 + rnd() * 950000) });
      date = addDays(date, -cycle);
    }
    const first = pick(PEOPLE);
    const contacts = [{ name: first, role: 'decision_maker', channels: pick(CHANNELS) }];
    if (rnd() < 0.5) {
      const month = String(1 + Math.floor(rnd() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
      contacts[0].birthday = `--${month}-${day}`;
    }
    if (rnd() < 0.5) contacts.push({ name: pick(PEOPLE.filter((p) => p !== first)), role: 'buyer', channels: ['phone', 'email'] });
    const client = {
      id: `book-${String(i + 1).padStart(3, '0')}`,
      name: `${pick(FORMS)} «${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}»`,
      manager: managers[i % managers.length],
      segment: pick(SEGMENTS),
      orderCycleDays: cycle,
      channels: contacts[0].channels,
      orders,
      contacts,
    };
    if (rnd() < 0.15) client.expiries = [{ date: addDays(today, 30 + Math.floor(rnd() * 200)), what: 'Договор поставки' }];
    if (rnd() < 0.08) client.incidents = [{ date: addDays(today, -1 - Math.floor(rnd() * 5)), summary: 'Задержка отгрузки' }];
    if (bad.includes(i)) client.orders = [{ date: '2026-13-01', amount: 1000 }];
    clients.push(client);
  }
  return { today, clients };
}
