// A Bitrix24 portal's CRM in the shapes its REST methods document: one
// company with three contacts, two won deals, a lost one and a deal in
// progress; a call history longer than one page of crm.activity.list (50);
// a lead. The harness answers REST from these, the adapter tests read
// them, and the e2e specs check the plan against them.

const msk = (date, time = '10:00:00') => `${date}T${time}+03:00`;
const phone = (id, value, type = 'WORK') => ({ ID: String(id), VALUE_TYPE: type, VALUE: value, TYPE_ID: 'PHONE' });
const email = (id, value) => ({ ID: String(id), VALUE_TYPE: 'WORK', VALUE: value, TYPE_ID: 'EMAIL' });
const im = (id, value, type = 'TELEGRAM') => ({ ID: String(id), VALUE_TYPE: type, VALUE: value, TYPE_ID: 'IM' });

// A deal of the company in roubles, begun on `begin` and closed (or to
// close) on `close`; `stage` is [STAGE_ID, STAGE_SEMANTIC_ID, CLOSED].
const IN_PROGRESS = ['PREPARATION', 'P', 'N'];
const WON = ['WON', 'S', 'Y'];
const LOST = ['LOSE', 'F', 'Y'];
const deal = (ID, TITLE, CONTACT_ID, [STAGE_ID, STAGE_SEMANTIC_ID, CLOSED], OPPORTUNITY, begin, close) => ({
  ID, TITLE, COMPANY_ID: '12', CONTACT_ID, STAGE_ID, STAGE_SEMANTIC_ID, OPPORTUNITY, CURRENCY_ID: 'RUB', CLOSED,
  BEGINDATE: msk(begin, '00:00:00'), CLOSEDATE: msk(close, '00:00:00'), DATE_CREATE: msk(begin),
});

/** The planning date of the harness specs. */
export const TODAY = '2026-11-24';

/** The app option an administrator sets: where the segment is kept. */
export const APP_OPTIONS = { touchplanFieldMap: JSON.stringify({ segment: 'UF_CRM_SEGMENT' }) };

export function portalData() {
  const companies = [{
    ID: '12', TITLE: 'ООО «Северный ветер»', COMPANY_TYPE: 'CUSTOMER', INDUSTRY: 'MANUFACTURING',
    REVENUE: '48000000.00', CURRENCY_ID: 'RUB', UF_CRM_SEGMENT: 'A',
    PHONE: [phone(1, '+7 495 000-00-12')], EMAIL: [email(2, 'office@sev-veter.example')],
    DATE_CREATE: msk('2024-02-01'),
  }];
  const contacts = [
    { ID: '101', NAME: 'Анна', SECOND_NAME: '', LAST_NAME: 'Смирнова', POST: 'Генеральный директор', COMPANY_ID: '12',
      BIRTHDATE: msk('1984-12-05', '00:00:00'), HAS_PHONE: 'Y', HAS_EMAIL: 'Y', HAS_IMOL: 'Y',
      PHONE: [phone(11, '+7 916 000-01-01', 'MOBILE')], EMAIL: [email(12, 'smirnova@sev-veter.example')],
      IM: [im(13, '@smirnova')] },
    { ID: '102', NAME: 'Иван', LAST_NAME: 'Петров', POST: 'Менеджер по закупкам', COMPANY_ID: '12', BIRTHDATE: '',
      HAS_PHONE: 'Y', HAS_EMAIL: 'Y', PHONE: [phone(21, '+7 916 000-02-02')], EMAIL: [email(22, 'petrov@sev-veter.example')] },
    // The second date form: DD.MM.YYYY.
    { ID: '103', NAME: 'Олег', LAST_NAME: 'Кузнецов', POST: 'Главный инженер', COMPANY_ID: '12', BIRTHDATE: '17.03.1979',
      HAS_EMAIL: 'Y', EMAIL: [email(31, 'kuznetsov@sev-veter.example')] },
  ];
  const deals = [
    deal('201', 'Поставка упаковки — декабрь', '101', IN_PROGRESS, '950000.00', '2026-11-16', '2026-12-15'),
    deal('202', 'Поставка упаковки — сентябрь', '101', WON, '1050000.00', '2026-08-20', '2026-09-15'),
    deal('203', 'Поставка упаковки — октябрь', '102', WON, '1120500.50', '2026-09-25', '2026-10-14'),
    deal('204', 'Стретч-плёнка', '102', LOST, '300000.00', '2026-07-01', '2026-08-01'),
  ];
  const leads = [
    { ID: '301', TITLE: 'Запрос с сайта: упаковка', NAME: 'Мария', LAST_NAME: 'Волкова', POST: 'Менеджер по закупкам',
      COMPANY_TITLE: 'ИП Волкова М. А.', STATUS_ID: 'IN_PROCESS', STATUS_SEMANTIC_ID: 'P', BIRTHDATE: '',
      PHONE: [phone(41, '+7 916 000-03-03', 'MOBILE')], EMAIL: [email(42, 'volkova@example.ru')], DATE_CREATE: msk('2026-11-20') },
  ];

  const activities = [];
  const activity = (fields) => activities.push({ ID: String(1000 + activities.length), ...fields });
  // 51 weekly calls on the company, Fridays back from 20 November 2026.
  for (let i = 0; i < 51; i += 1) {
    const day = new Date(Date.UTC(2026, 10, 20 - 7 * i)).toISOString().slice(0, 10);
    activity({ OWNER_TYPE_ID: '4', OWNER_ID: '12', TYPE_ID: '2', PROVIDER_ID: 'VOXIMPLANT_CALL', DIRECTION: '2',
      COMPLETED: 'Y', START_TIME: msk(day, '11:00:00'), END_TIME: msk(day, '11:07:00'), CREATED: msk(day, '11:00:00'),
      SUBJECT: 'Исходящий звонок', DESCRIPTION: '' });
  }
  activity({ OWNER_TYPE_ID: '4', OWNER_ID: '12', TYPE_ID: '4', PROVIDER_ID: 'CRM_EMAIL', COMPLETED: 'Y',
    START_TIME: msk('2026-11-18', '09:30:00'), END_TIME: msk('2026-11-18', '09:30:00'), SUBJECT: 'Счёт на декабрь', DESCRIPTION: '' });
  activity({ OWNER_TYPE_ID: '4', OWNER_ID: '12', TYPE_ID: '1', PROVIDER_ID: 'CRM_MEETING', COMPLETED: 'Y',
    START_TIME: msk('2026-10-20', '15:00:00'), END_TIME: msk('2026-10-20', '16:00:00'), SUBJECT: 'Встреча на складе', DESCRIPTION: '' });
  // A to-do this app set earlier and the manager has done: back as history with its reason.
  activity({ OWNER_TYPE_ID: '4', OWNER_ID: '12', TYPE_ID: '6', PROVIDER_ID: 'CRM_TODO', COMPLETED: 'Y',
    DEADLINE: msk('2026-10-16'), END_TIME: msk('2026-10-16', '12:00:00'),
    DESCRIPTION: 'Проверка после покупки\n[touchplan 2026-10-16 phone post_purchase_check]' });
  // Not history: someone else's open to-do and a call still planned.
  activity({ OWNER_TYPE_ID: '4', OWNER_ID: '12', TYPE_ID: '6', PROVIDER_ID: 'CRM_TODO', COMPLETED: 'N',
    DEADLINE: msk('2026-11-30'), DESCRIPTION: 'Отправить образцы' });
  activity({ OWNER_TYPE_ID: '4', OWNER_ID: '12', TYPE_ID: '2', PROVIDER_ID: 'VOXIMPLANT_CALL', COMPLETED: 'N',
    START_TIME: msk('2026-11-27', '11:00:00'), DEADLINE: msk('2026-11-27', '11:00:00'), DESCRIPTION: '' });
  // On the deal: an open-line chat (a messenger conversation).
  activity({ OWNER_TYPE_ID: '2', OWNER_ID: '201', TYPE_ID: '6', PROVIDER_ID: 'IMOPENLINES_SESSION', COMPLETED: 'Y',
    START_TIME: msk('2026-11-17', '14:00:00'), END_TIME: msk('2026-11-17', '14:20:00'), DESCRIPTION: '' });
  // On the contact: a call; on the lead: a call.
  activity({ OWNER_TYPE_ID: '3', OWNER_ID: '101', TYPE_ID: '2', PROVIDER_ID: 'VOXIMPLANT_CALL', COMPLETED: 'Y',
    START_TIME: msk('2026-11-19', '10:00:00'), END_TIME: msk('2026-11-19', '10:05:00'), DESCRIPTION: '' });
  activity({ OWNER_TYPE_ID: '1', OWNER_ID: '301', TYPE_ID: '2', PROVIDER_ID: 'VOXIMPLANT_CALL', COMPLETED: 'Y',
    START_TIME: msk('2026-11-21', '10:00:00'), END_TIME: msk('2026-11-21', '10:05:00'), DESCRIPTION: '' });

  // crm.status.list: the portal's industry list (company INDUSTRY holds the code).
  const statuses = [
    { ID: '71', ENTITY_ID: 'INDUSTRY', STATUS_ID: 'IT', NAME: 'Информационные технологии', SORT: '10' },
    { ID: '72', ENTITY_ID: 'INDUSTRY', STATUS_ID: 'MANUFACTURING', NAME: 'Производство', SORT: '20' },
    { ID: '73', ENTITY_ID: 'INDUSTRY', STATUS_ID: 'OTHER', NAME: 'Другое', SORT: '30' },
  ];

  return { companies, contacts, deals, leads, activities, statuses };
}

/** The card each placement opens in the harness. */
export const CARDS = {
  CRM_DEAL_DETAIL_TAB: '201',
  CRM_COMPANY_DETAIL_TAB: '12',
  CRM_CONTACT_DETAIL_TAB: '101',
  CRM_LEAD_DETAIL_TAB: '301',
};
