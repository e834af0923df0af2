// The app's handler page inside a Bitrix24 CRM card tab. Bitrix24 POSTs the
// placement to index.html in an iframe named `DOMAIN|PROTOCOL|APP_SID`; the
// official SDK (vendor/b24jssdk.min.js, global `B24Js`) reads that name,
// asks the portal for the rest over postMessage (getInitData) and calls
// REST with the user's token, refreshing it when it expires. This module
// reads the card, hands the client to <touch-plan> and turns the element's
// `touchplan-task` event into a `crm.activity.todo.add` to-do.
import { DEFAULT_FIELD_MAP, clientFromBitrix24, openTasksOf, taskMarker, todoFromTouch } from './adapter.js';
import { loadCard, placementId } from './rest.js';

const TEXTS = {
  ru: {
    loading: 'Читаем карточку…',
    notInPortal: 'Эта страница открывается из карточки CRM Битрикс24 (вкладка «План касаний»).',
    failed: 'Не удалось прочитать карточку:',
    unsupported: 'Это место встройки не поддерживается:',
    segment_not_mapped: 'Сегмент клиента не задан: укажите поле сегмента в настройках приложения (touchplanFieldMap.segment) — пока план строится для сегмента B.',
    field_not_found: (n) => `Поле ${n.source} (настройка touchplanFieldMap.${n.field}) не найдено в карточке.`,
    not_a_segment: (n) => `В поле ${n.source} значение «${n.value}», а сегмент — одно из A+, A, B, C, D.`,
    taskSet: (id) => `Дело №${id} создано в Битрикс24.`,
    taskExists: (id) => `Дело для этого касания уже есть (№${id}).`,
  },
  en: {
    loading: 'Reading the card…',
    notInPortal: 'This page opens from a Bitrix24 CRM card (the «Touch plan» tab).',
    failed: 'Could not read the card:',
    unsupported: 'This placement is not supported:',
    segment_not_mapped: 'The client segment is not set: name its field in the app settings (touchplanFieldMap.segment); until then the plan uses segment B.',
    field_not_found: (n) => `Field ${n.source} (setting touchplanFieldMap.${n.field}) is not in the card.`,
    not_a_segment: (n) => `Field ${n.source} holds «${n.value}»; a segment is one of A+, A, B, C, D.`,
    taskSet: (id) => `To-do #${id} created in Bitrix24.`,
    taskExists: (id) => `This touch already has a to-do (#${id}).`,
  },
};

const plan = document.getElementById('plan');
const status = document.getElementById('status');
const noticeList = document.getElementById('notices');

const localeOf = (lang) => (/^(ru|ua|by|kz)/i.test(lang ?? '') ? 'ru' : 'en');
let texts = TEXTS.ru;

function say(message) {
  status.textContent = message;
  status.hidden = !message;
}

async function start() {
  say(texts.loading);
  let b24;
  try {
    b24 = await globalThis.B24Js.initializeB24Frame();
  } catch {
    say(texts.notInPortal);
    return;
  }
  const locale = localeOf(b24.getLang());
  texts = TEXTS[locale];
  document.documentElement.lang = locale;
  plan.setAttribute('lang', locale);

  // The REST envelope for rest.js. The SDK's getData() keeps only `result`
  // and `time`; isMore() says whether the answer had a `next`, which is the
  // request's start plus the records it returned.
  const call = async (method, params) => {
    const answer = await b24.actions.v2.call.make({ method, params });
    if (!answer.isSuccess) throw new Error(answer.getErrorMessages().join('; '));
    const { result } = answer.getData();
    const envelope = { result };
    if (answer.isMore() && Array.isArray(result)) envelope.next = (Number(params?.start) || 0) + result.length;
    return envelope;
  };
  const placement = b24.placement.placement;
  if (placement === 'DEFAULT') {
    settingsForm(b24);
    return;
  }
  const id = placementId(b24.placement.options);
  if (!id) {
    say(`${texts.unsupported} ${placement}`);
    return;
  }
  let card;
  try {
    card = await loadCard(call, placement, id);
  } catch (e) {
    say(`${texts.failed} ${e?.message ?? e}`);
    return;
  }
  let fieldMap = {};
  try { fieldMap = b24.options.appGet('touchplanFieldMap'); } catch { /* not set: defaults */ }
  const { client, notices } = clientFromBitrix24(card, fieldMap);
  noticeList.replaceChildren(...notices.map((n) => {
    const li = document.createElement('li');
    const text = texts[n.code];
    li.textContent = typeof text === 'function' ? text(n) : text;
    return li;
  }));
  say('');

  const openTasks = openTasksOf(card.activities);
  plan.addEventListener('touchplan-task', (e) => {
    const { touch, respond } = e.detail;
    const marker = taskMarker(touch);
    if (openTasks.has(marker)) {
      respond({ ok: true, message: texts.taskExists(openTasks.get(marker)) });
      return;
    }
    respond(call('crm.activity.todo.add', todoFromTouch(touch, card.owner, { locale })).then((answer) => {
      const todoId = String(answer?.result?.id ?? '');
      openTasks.set(marker, todoId);
      return { ok: true, message: texts.taskSet(todoId) };
    }));
  });
  plan.addEventListener('touchplan-change', () => fit(b24));
  plan.client = client;
}

// Opened from the app menu (placement DEFAULT): the field map an
// administrator keeps in the app option `touchplanFieldMap`.
function settingsForm(b24) {
  let current = {};
  try { current = JSON.parse(b24.options.appGet('touchplanFieldMap')); } catch { /* not set */ }
  const labels = {
    segment: 'Сегмент клиента (A+, A, B, C, D)', industry: 'Отрасль',
    annualRevenue: 'Годовая выручка клиента', interests: 'Интересы контакта (поле контакта)',
  };
  const form = document.getElementById('settings');
  form.hidden = false;
  plan.hidden = true;
  const inputs = Object.keys(DEFAULT_FIELD_MAP).map((key) => {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.name = key;
    input.pattern = '[A-Z][A-Z0-9_]*';
    input.placeholder = DEFAULT_FIELD_MAP[key] ?? 'UF_CRM_…';
    input.value = typeof current?.[key] === 'string' ? current[key] : '';
    label.append(labels[key], input);
    return label;
  });
  form.querySelector('.fields').replaceChildren(...inputs);
  say(b24.auth.isAdmin ? '' : 'Настройки меняет администратор портала.');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const map = {};
    for (const input of form.querySelectorAll('input')) if (input.value.trim()) map[input.name] = input.value.trim();
    await b24.options.appSet('touchplanFieldMap', JSON.stringify(map));
    say('Сохранено: вкладки прочитают поля при следующем открытии.');
  });
}

// The tab takes the height of its content (resizeWindow to the portal).
function fit(b24) {
  requestAnimationFrame(() => {
    b24.parent.resizeWindow(document.documentElement.scrollWidth, document.documentElement.scrollHeight).catch(() => {});
  });
}

start();
