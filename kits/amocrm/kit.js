// The amoCRM/Kommo kit in the page: puts a <touch-plan tasks> into the
// widget's block of a lead, contact or company card, feeds it the Client
// read from /api/v4 (amocrm-api.js → adapter.js), and answers the element's
// `touchplan-task` event with `POST /api/v4/tasks`. script.js (the AMD
// module amoCRM loads) imports this module; nothing here is amoCRM's
// loader glue, and the element itself knows nothing of amoCRM.
import './widget/touch-plan-define.js';
import { clientFromAmo, parseFieldMap, taskFromTouch, taskKeys } from './adapter.js';
import { createAmoApi, createTask, loadCard } from './amocrm-api.js';

const TEXT = {
  ru: {
    loading: 'Загружаю данные карточки…',
    unauthorized: 'amoCRM не пускает к данным карточки (401): обновите страницу и войдите снова.',
    failed: (status) => `amoCRM не отдала данные карточки (ошибка ${status}).`,
    taskSet: (id) => (id ? `Задача №${id} в amoCRM` : 'Задача в amoCRM'),
    taskExists: 'Такая задача в amoCRM уже есть.',
    taskFailed: (status) => (status === 401 ? 'amoCRM не пускает (401): войдите снова.' : `amoCRM ответила ошибкой ${status}.`),
  },
  en: {
    loading: 'Loading the card…',
    unauthorized: 'amoCRM refuses the card data (401): reload the page and sign in again.',
    failed: (status) => `amoCRM did not return the card data (error ${status}).`,
    taskSet: (id) => (id ? `Task #${id} in amoCRM` : 'Task in amoCRM'),
    taskExists: 'This task already exists in amoCRM.',
    taskFailed: (status) => (status === 401 ? 'amoCRM refuses (401): sign in again.' : `amoCRM answered with error ${status}.`),
  },
};

/**
 * Mounts the plan for one card into `host`.
 *
 * options: `entity` (`leads`, `contacts`, `companies`), `id`, `locale`
 * (`ru`, `en`), `timeZone` (the account's, IANA), `fieldMap` (the
 * `field_map` setting), and for tests `fetch` and `base`.
 * Returns `{ element, ready, destroy() }`; `ready` settles when the card's
 * data has been read (or could not be).
 */
export function mount(host, { entity, id, locale = 'ru', timeZone = 'UTC', fieldMap, fetch, base } = {}) {
  const texts = TEXT[locale] ?? TEXT.ru;
  const controller = new AbortController();
  const api = createAmoApi({ base, fetch, signal: controller.signal });
  const parsed = parseFieldMap(fieldMap, locale);
  let keys = new Set();

  const root = document.createElement('div');
  root.className = 'touchplan-amocrm';
  const status = document.createElement('p');
  status.className = 'touchplan-amocrm__status';
  status.setAttribute('role', 'status');
  status.textContent = texts.loading;
  const notices = document.createElement('ul');
  notices.className = 'touchplan-amocrm__notices';
  notices.hidden = true;
  const element = document.createElement('touch-plan');
  element.setAttribute('tasks', '');
  element.setAttribute('lang', locale);
  element.setAttribute('view', 'list');
  root.append(status, notices, element);
  host.append(root);

  const onTask = (event) => {
    const { key, touch, respond } = event.detail;
    if (keys.has(key)) {
      respond({ ok: true, message: texts.taskExists });
      return;
    }
    const task = taskFromTouch(touch, { key, entityType: entity, entityId: id, timeZone });
    respond(createTask(api, task).then(
      (taskId) => {
        keys.add(key);
        return { ok: true, message: texts.taskSet(taskId) };
      },
      (error) => ({ ok: false, message: texts.taskFailed(error?.status ?? '—') }),
    ));
  };
  element.addEventListener('touchplan-task', onTask);

  const ready = loadCard(api, { entity, id }).then((card) => {
    const { client, notices: found } = clientFromAmo(card, { fieldMap: parsed.fieldMap, timeZone, locale });
    keys = taskKeys(card.tasks);
    showNotices([...parsed.notices, ...found]);
    status.hidden = true;
    status.textContent = '';
    element.client = client;
  }, (error) => {
    if (controller.signal.aborted) return;
    status.textContent = error?.status === 401 ? texts.unauthorized : texts.failed(error?.status ?? error?.name ?? '—');
    element.hidden = true;
  });

  function showNotices(list) {
    notices.replaceChildren(...list.map((n) => {
      const li = document.createElement('li');
      li.dataset.code = n.code;
      li.textContent = n.message;
      return li;
    }));
    notices.hidden = list.length === 0;
  }

  return {
    element,
    ready,
    destroy() {
      controller.abort();
      element.removeEventListener('touchplan-task', onTask);
      root.remove();
    },
  };
}
