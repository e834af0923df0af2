// Presets of the calculator page: the worked examples of seed 004 and the
// cases of seeds 000 and 003. Each input is examples/clients/<id>.json as it
// is (test/node/calculator.test.mjs keeps the two equal); applying a preset
// moves its dates by whole days so that its `today` becomes the form's.

import { addDays, daysBetween, toUtc } from './iso-date.js';

/** @type {{ id: string, label: { ru: string, en: string }, note: { ru: string, en: string }, input: object }[]} */
export const PRESETS = [
  {
    id: "transactional-monthly",
    label: { ru: "Транзакционная: заказ раз в месяц", en: "Transactional: an order a month" },
    note: {
      ru: "Пример 1 из главы 6 книги об инструментах клиентского менеджера: M = 2, C = 1 → 5 касаний в месяц.",
      en: "Example 1 of chapter 6 of the book on client managers’ tools: M = 2, C = 1 → 5 touches a month.",
    },
    input: {"today":"2026-11-24","horizonMonths":3,"client":{"id":"seed004-tx-1m","name":"ООО «Стройснаб»","saleType":"transactional","orderCycleDays":30,"mandatoryPerOrder":2,"orders":[{"date":"2026-08-20","amount":40000,"categories":["крепёж"]},{"date":"2026-09-19","amount":42000,"categories":["крепёж"]},{"date":"2026-10-19","amount":39000,"categories":["крепёж","инструмент"]},{"date":"2026-11-18","amount":41000,"categories":["крепёж"]}],"contacts":[{"name":"Ирина Петрова","role":"decision_maker"},{"name":"Олег Смирнов","role":"buyer"}]}},
  },
  {
    id: "transactional-bimonthly",
    label: { ru: "Транзакционная: заказ раз в 2 месяца", en: "Transactional: an order every 2 months" },
    note: {
      ru: "Пример 2 из той же главы: M = 2, C = 2 → не меньше 6 касаний за 2 месяца.",
      en: "Example 2 of the same chapter: M = 2, C = 2 → at least 6 touches per 2 months.",
    },
    input: {"today":"2026-11-18","horizonMonths":6,"client":{"id":"seed004-tx-2m","name":"ИП Кузнецов, сеть автомоек","saleType":"transactional","orderCycleDays":60,"mandatoryPerOrder":2,"orders":[{"date":"2026-07-21","amount":60000,"categories":["автохимия"]},{"date":"2026-09-19","amount":58000,"categories":["автохимия"]},{"date":"2026-11-18","amount":61000,"categories":["автохимия","щётки"]}],"contacts":[{"name":"Андрей Кузнецов","role":"decision_maker"},{"name":"Марина Волкова","role":"buyer"}]}},
  },
  {
    id: "consultative-a",
    label: { ru: "Консультативная, клиент A", en: "Consultative, an A client" },
    note: {
      ru: "Пример 3 из той же главы: 3 + 12 + 2 = 17 за год, плюс 2 мероприятия и встреча по итогам года = 20.",
      en: "Example 3 of the same chapter: 3 + 12 + 2 = 17 a year, plus 2 events and the annual results meeting = 20.",
    },
    input: {"today":"2026-11-24","horizonMonths":12,"client":{"id":"seed004-cons-a","name":"АО «Северный завод»","segment":"A","saleType":"consultative","orderCycleDays":365,"mandatoryPerOrder":3,"industry":"металлообработка","orders":[{"date":"2026-11-24","amount":12500000,"categories":["станки ЧПУ"]}],"contacts":[{"name":"Сергей Иванов","role":"decision_maker"},{"name":"Павел Орлов","role":"technical"}]}},
  },
  {
    id: "consultative-b",
    label: { ru: "Консультативная, клиент B", en: "Consultative, a B client" },
    note: {
      ru: "Тот же пример для сегмента B: встречи по итогам года нет, 17 + 2 = 19.",
      en: "The same example for segment B: no annual meeting, 17 + 2 = 19.",
    },
    input: {"today":"2026-11-24","horizonMonths":12,"client":{"id":"seed004-cons-b","name":"ООО «Южный комбинат»","segment":"B","saleType":"consultative","orderCycleDays":365,"mandatoryPerOrder":3,"industry":"металлообработка","orders":[{"date":"2026-11-24","amount":12500000,"categories":["станки ЧПУ"]}],"contacts":[{"name":"Сергей Иванов","role":"decision_maker"},{"name":"Павел Орлов","role":"technical"}]}},
  },
  {
    id: "advertising-campaign",
    label: { ru: "Рекламная кампания", en: "Advertising campaign" },
    note: {
      ru: "По статье о частоте сервисных контактов в продаже рекламы: касание в первый день кампании и проверки в окне реакции до даты решения.",
      en: "After the article on service contacts in advertising sales: a touch on the campaign’s first day and check-ins within the reaction window before the decision date.",
    },
    input: {"today":"2026-11-24","horizonMonths":3,"client":{"id":"adv-campaign","name":"Салон мебели «Уют»","segment":"B","saleType":"transactional","orders":[{"date":"2026-11-20","amount":180000,"categories":["наружная реклама"]}],"service":{"kind":"campaign","start":"2026-12-01","end":"2027-01-31","reactionDays":7},"channels":["phone","messenger","email"],"contacts":[{"name":"Елена Соколова","role":"decision_maker","birthday":"--12-13","channels":["phone","messenger"]},{"name":"Дмитрий Лебедев","role":"user"}],"flags":{"birthdayOffer":true}}},
  },
  {
    id: "club-membership",
    label: { ru: "Абонемент в клуб", en: "Club membership" },
    note: {
      ru: "По статьям о послепродажном сервисе (фитнес-клуб): годовой абонемент с заморозкой и акцией на продление.",
      en: "After the articles on post-sale service (a fitness club): an annual membership with a freeze and a renewal promotion.",
    },
    input: {"today":"2026-11-24","horizonMonths":12,"client":{"id":"club-42","name":"Мария Белова","segment":"A","saleType":"consultative","orderCycleDays":365,"mandatoryPerOrder":1,"mandatorySteps":["operability_check"],"orders":[{"date":"2026-11-20","amount":54000,"categories":["годовой абонемент"]}],"service":{"kind":"membership","start":"2026-12-01","end":"2027-11-30","reactionDays":14,"frozenFrom":"2027-10-20","frozenTo":"2027-11-10","promo":"Чёрная пятница −20%","promoUntil":"2027-11-20"},"channels":["phone","messenger","email","sms"],"contacts":[{"name":"Мария Белова","role":"decision_maker","birthday":"1988-03-08","channels":["messenger","phone"]}]}},
  },
];

/** The preset the page opens with when the URL carries no state. */
export const DEFAULT_PRESET = 'consultative-a';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The preset's input with every ISO date moved by the days between its
 * `today` and `today`. Birthdays stay: a person's birthday never moves.
 */
export function presetInput(id, today) {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) return null;
  const input = structuredClone(preset.input);
  if (!ISO.test(today ?? '') || Number.isNaN(toUtc(today))) return input;
  const shift = daysBetween(input.today, today);
  return shift === 0 ? input : moveDates(input, shift);
}

function moveDates(value, days) {
  if (typeof value === 'string') {
    return ISO.test(value) ? addDays(value, days) : value;
  }
  if (Array.isArray(value)) return value.map((v) => moveDates(v, days));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'birthday' ? v : moveDates(v, days)]));
  }
  return value;
}
