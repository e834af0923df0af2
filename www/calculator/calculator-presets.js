// Presets of the calculator page: the worked examples of seed 004, the
// cases of seeds 000 and 003, and the realistic clients of DOMAIN v3. Each input is examples/clients/<id>.json as it
// is (tests/node/calculator.test.mjs keeps the two equal); applying a preset
// moves its dates by whole days so that its `today` becomes the form's.

import { addDays, daysBetween, toUtc } from '../iso-date.js';

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
    input: {"today":"2026-11-24","horizonMonths":12,"client":{"id":"club-42","name":"Мария Белова","kind":"person","segment":"A","saleType":"consultative","orderCycleDays":365,"mandatoryPerOrder":1,"mandatorySteps":["operability_check"],"orders":[{"date":"2026-11-20","amount":54000,"categories":["годовой абонемент"]}],"service":{"kind":"membership","start":"2026-12-01","end":"2027-11-30","reactionDays":14,"frozenFrom":"2027-10-20","frozenTo":"2027-11-10","promo":"Чёрная пятница −20%","promoUntil":"2027-11-20"},"channels":["phone","messenger","email","sms"],"contacts":[{"name":"Мария Белова","role":"decision_maker","birthday":"1988-03-08","channels":["messenger","phone"]}]}},
  },
  {
    id: "gym-member",
    label: { ru: "Фитнес-клуб: годовой абонемент с заморозкой", en: "Fitness club: an annual membership with a freeze" },
    note: {
      ru: "Частное лицо, сегмент B: годовой абонемент, купленный по акции, месяц заморозки посреди срока и акция на продление, которая кончается до конца абонемента.",
      en: "A private person, segment B: an annual membership bought on a promotion, a month’s freeze mid-term and a renewal promotion that ends before the membership does.",
    },
    input: {"today":"2026-12-01","horizonMonths":12,"client":{"id":"gym-1207","name":"Екатерина Морозова","kind":"person","segment":"B","orders":[{"date":"2026-11-27","amount":42000,"categories":["годовой абонемент"],"promo":true}],"service":{"kind":"membership","start":"2026-12-01","end":"2027-11-30","reactionDays":14,"frozenFrom":"2027-07-01","frozenTo":"2027-07-31","promo":"Чёрная пятница −20%","promoUntil":"2027-11-15"},"channels":["phone","messenger","sms"],"contacts":[{"name":"Екатерина Морозова","role":"decision_maker","birthday":"--06-14","channels":["messenger","phone","sms"],"interests":["йога","бег"]}]},"company":{"contentPlan":[{"date":"2027-02-01","reason":"new_products","title":"Новая программа «Здоровая спина»","categories":["групповые занятия"]},{"date":"2027-03-01","reason":"price_change","title":"Годовой абонемент дорожает на 8% с 1 марта","categories":["годовой абонемент"]},{"date":"2027-05-01","reason":"personal_interests","title":"Клубный забег в парке 15 мая","detail":"Старт в 9:00, дистанции 5 и 10 км","until":"2027-05-14"}]}},
  },
  {
    id: "car-buyer",
    label: { ru: "Покупатель автомобиля с полисом КАСКО", en: "Car buyer with a comprehensive insurance policy" },
    note: {
      ru: "Частное лицо, сегмент A: только что купил автомобиль, полис КАСКО кончается через год; в контент-плане новая версия модели, подготовка машины к сезону и скидка на ТО.",
      en: "A private person, segment A: has just bought a car; the comprehensive (KASKO) policy ends in a year; the content plan has the model’s new version, seasonal car care and a service discount.",
    },
    input: {"today":"2026-12-01","horizonMonths":12,"client":{"id":"car-5531","name":"Дмитрий Соколов","kind":"person","segment":"A","saleType":"consultative","orderCycleDays":1095,"orders":[{"date":"2026-11-26","amount":3200000,"categories":["автомобили"],"items":["Skoda Kodiaq"]}],"expiries":[{"date":"2027-11-25","what":"полис КАСКО"}],"channels":["phone","messenger","email"],"contacts":[{"name":"Дмитрий Соколов","role":"decision_maker","birthday":"1979-09-04","interests":["рыбалка"]}]},"company":{"contentPlan":[{"date":"2027-03-01","reason":"new_products","title":"Новый Skoda Kodiaq 2027 в салоне","categories":["автомобили"]},{"date":"2027-03-20","reason":"better_use","title":"Подготовка машины к весне: шины и кондиционер","categories":["автомобили"]},{"date":"2027-06-01","reason":"price_promotion","title":"Скидка 15% на ТО летом","categories":["автомобили"]}]}},
  },
  {
    id: "roofing-buyer",
    label: { ru: "Кровля для частного дома: проверка уже сделана", en: "Roofing for a private house: the check is already made" },
    note: {
      ru: "Частное лицо, сегмент B: купил металлочерепицу, колл-центр уже позвонил с проверкой после покупки (она в истории касаний) — второй раз о той же покупке не звоним.",
      en: "A private person, segment B: bought metal roofing; the call centre has already made the post-purchase check (it is in the touch history), so nobody calls about that purchase again.",
    },
    input: {"today":"2026-12-01","horizonMonths":12,"client":{"id":"roof-0871","name":"Алексей Гришин","kind":"person","segment":"B","saleType":"consultative","orderCycleDays":365,"orders":[{"date":"2026-11-19","amount":680000,"categories":["кровля"],"items":["металлочерепица"]}],"channels":["phone","email"],"contacts":[{"name":"Алексей Гришин","role":"decision_maker"}],"history":[{"date":"2026-11-24","channel":"phone","reason":"post_purchase_check"}]},"company":{"contentPlan":[{"date":"2027-03-10","reason":"better_use","title":"Весенний осмотр кровли: что проверить после снега","categories":["кровля"]},{"date":"2027-04-01","reason":"new_products","title":"Водосточные системы в цвет кровли","categories":["кровля"]}]}},
  },
  {
    id: "equipment-plant",
    label: { ru: "Завод: станки и группа принятия решения", en: "Plant: machine tools and a decision group" },
    note: {
      ru: "Консультативная продажа, сегмент A: обрабатывающие центры раз в год; директор, ЛВР, технолог и оператор; прошлая встреча по итогам года и проверки — в истории; выставка и день клиента.",
      en: "Consultative sale, segment A: machining centres once a year; the director, an influencer, a technologist and an operator; last year’s results meeting and the checks are in the history; an exhibition and a client day.",
    },
    input: {"today":"2026-12-01","horizonMonths":12,"client":{"id":"plant-ural-17","name":"АО «Уралмашдеталь»","segment":"A","saleType":"consultative","orderCycleDays":365,"mandatoryPerOrder":3,"industry":"машиностроение","orders":[{"date":"2025-06-10","amount":7500000,"categories":["обрабатывающие центры"]},{"date":"2026-06-15","amount":8200000,"categories":["обрабатывающие центры","оснастка"]}],"channels":["phone","email","visit","messenger"],"contacts":[{"name":"Виктор Андреев","role":"decision_maker","birthday":"1968-02-11"},{"name":"Наталья Ершова","role":"influencer","birthday":"--07-22"},{"name":"Игорь Лапин","role":"technical","channels":["phone","messenger"]},{"name":"Руслан Хабибуллин","role":"user","channels":["phone"]}],"history":[{"date":"2025-12-17","channel":"visit","reason":"annual_meeting"},{"date":"2026-06-22","channel":"phone","reason":"post_purchase_check"},{"date":"2026-10-14","channel":"phone","reason":"operability_check"}]},"company":{"events":[{"date":"2027-03-16","title":"Выставка «Металлообработка-2027»"},{"date":"2027-10-07","title":"День клиента на заводе"}],"contentPlan":[{"date":"2027-01-20","reason":"staff_training","title":"Курс для операторов: программирование 5-осевой обработки","roles":["user","technical"]},{"date":"2027-02-10","reason":"market_analytics","title":"Обзор рынка станков 2027","industries":["машиностроение"]},{"date":"2027-05-01","reason":"price_change","title":"Оснастка дорожает на 6% с 1 мая","categories":["оснастка"]}]}},
  },
  {
    id: "distributor-a",
    label: { ru: "Дистрибьютор с ежемесячными заказами, сегмент A", en: "Distributor ordering monthly, segment A" },
    note: {
      ru: "Оптовый покупатель электротехники: заказ каждый месяц, ЛПР, закупщик и кладовщик; в контент-плане акция, подорожание кабеля, новая серия щитов и новые требования. Сравните с тем же клиентом в сегменте D.",
      en: "A wholesale buyer of electrical goods: an order every month; the decision maker, a buyer and the warehouse head; the content plan has a promotion, a cable price rise, a new panel series and new rules. Compare with the same client in segment D.",
    },
    input: {"today":"2026-12-01","horizonMonths":12,"client":{"id":"dist-volga-A","name":"ООО «Волга-Электро»","segment":"A","saleType":"transactional","industry":"электротехника","annualRevenue":5400000,"orders":[{"date":"2026-08-24","amount":430000,"categories":["кабель","автоматы"],"items":["ВВГнг 3×2,5"]},{"date":"2026-09-23","amount":455000,"categories":["кабель"],"items":["ВВГнг 3×2,5"],"promo":true},{"date":"2026-10-22","amount":470000,"categories":["кабель","щиты"],"items":["ВВГнг 3×2,5"]},{"date":"2026-11-23","amount":440000,"categories":["кабель","автоматы"],"items":["ВВГнг 3×2,5"]}],"channels":["phone","email","messenger","visit"],"contacts":[{"name":"Андрей Рябов","role":"decision_maker","birthday":"1975-04-17"},{"name":"Светлана Колесникова","role":"buyer","channels":["phone","email","messenger"]},{"name":"Геннадий Пахомов","role":"user","channels":["phone"]}]},"company":{"contentPlan":[{"date":"2027-01-15","reason":"price_promotion","title":"Февральская акция на автоматы −10%","categories":["автоматы"],"until":"2027-02-28"},{"date":"2027-03-01","reason":"price_change","title":"Кабель ВВГнг дорожает на 7% с 1 марта","items":["ВВГнг 3×2,5"]},{"date":"2027-04-01","reason":"new_products","title":"Новая серия модульных щитов","categories":["щиты"]},{"date":"2027-05-20","reason":"legislation","title":"Новые требования к огнестойкости кабеля","industries":["электротехника"]}]}},
  },
  {
    id: "distributor-d",
    label: { ru: "Тот же дистрибьютор, сегмент D", en: "The same distributor, segment D" },
    note: {
      ru: "Те же заказы, контакты и контент-план, что у клиента сегмента A: стандартные касания делает маркетинг, одно касание по сделке за цикл, без поздравлений и встречи — усилие следует ценности.",
      en: "The same orders, contacts and content plan as the segment A client: marketing sends the standard touches, one need touch per cycle, no greetings or meeting: effort follows value.",
    },
    input: {"today":"2026-12-01","horizonMonths":12,"client":{"id":"dist-volga-D","name":"ООО «Волга-Электро»","segment":"D","saleType":"transactional","industry":"электротехника","annualRevenue":5400000,"orders":[{"date":"2026-08-24","amount":430000,"categories":["кабель","автоматы"],"items":["ВВГнг 3×2,5"]},{"date":"2026-09-23","amount":455000,"categories":["кабель"],"items":["ВВГнг 3×2,5"],"promo":true},{"date":"2026-10-22","amount":470000,"categories":["кабель","щиты"],"items":["ВВГнг 3×2,5"]},{"date":"2026-11-23","amount":440000,"categories":["кабель","автоматы"],"items":["ВВГнг 3×2,5"]}],"channels":["phone","email","messenger","visit"],"contacts":[{"name":"Андрей Рябов","role":"decision_maker","birthday":"1975-04-17"},{"name":"Светлана Колесникова","role":"buyer","channels":["phone","email","messenger"]},{"name":"Геннадий Пахомов","role":"user","channels":["phone"]}]},"company":{"contentPlan":[{"date":"2027-01-15","reason":"price_promotion","title":"Февральская акция на автоматы −10%","categories":["автоматы"],"until":"2027-02-28"},{"date":"2027-03-01","reason":"price_change","title":"Кабель ВВГнг дорожает на 7% с 1 марта","items":["ВВГнг 3×2,5"]},{"date":"2027-04-01","reason":"new_products","title":"Новая серия модульных щитов","categories":["щиты"]},{"date":"2027-05-20","reason":"legislation","title":"Новые требования к огнестойкости кабеля","industries":["электротехника"]}]}},
  },
  {
    id: "bakery-incident",
    label: { ru: "Пекарня: сорванная поставка под Новый год", en: "Bakery: a delivery missed before New Year" },
    note: {
      ru: "Еженедельные заказы муки, сегмент B; поставка не пришла перед новогодними праздниками: извинение ЛПР несмотря на праздники, повторное касание тому же человеку и тишина рассылок после сбоя.",
      en: "Weekly flour orders, segment B; a delivery failed just before the New Year holidays: an apology to the decision maker despite the holidays, a follow-up to the same person and no mailings after the failure.",
    },
    input: {"today":"2026-12-01","horizonMonths":12,"client":{"id":"bakery-hlebnik","name":"Пекарня «Хлебник»","segment":"B","saleType":"transactional","orderCycleDays":7,"industry":"хлебопечение","orders":[{"date":"2026-11-09","amount":38000,"categories":["мука"]},{"date":"2026-11-16","amount":41000,"categories":["мука","дрожжи"]},{"date":"2026-11-23","amount":39000,"categories":["мука"]},{"date":"2026-11-30","amount":40000,"categories":["мука","улучшители"]}],"incidents":[{"date":"2026-12-30","summary":"Поставка муки не пришла: пекарня полдня простояла"}],"channels":["phone","messenger","email"],"contacts":[{"name":"Тамара Власова","role":"decision_maker"},{"name":"Павел Зуев","role":"technical","channels":["phone","messenger"]},{"name":"Ксения Рыбина","role":"buyer"}]},"company":{"contentPlan":[{"date":"2027-02-01","reason":"better_use","title":"Рецептура ржаного хлеба на закваске от нашего технолога","categories":["мука"],"roles":["technical"]}]}},
  },
  {
    id: "no-orders",
    label: { ru: "Компания без заказов", en: "A company with no orders yet" },
    note: {
      ru: "Карточка без заказов, цикла и периода обслуживания: продавать и исполнять ещё нечего — только полезные касания и касания по будущей сделке, план говорит об этом предупреждением.",
      en: "A card with no orders, cycle or service period: nothing has been sold to fulfil yet, so only useful and need-discovery touches; the plan says so in a warning.",
    },
    input: {"today":"2026-12-01","horizonMonths":12,"client":{"id":"lead-3390","name":"ООО «Вектор Логистик»","industry":"логистика","channels":["phone","email"],"contacts":[{"name":"Ольга Тимофеева","role":"decision_maker"},{"name":"Марат Гиниятуллин","role":"influencer"}]}},
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
