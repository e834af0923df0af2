// The portal's side of a card tab, as Bitrix24 does it: an iframe named
// DOMAIN|PROTOCOL|APP_SID, a form POST of the placement fields into it, and
// answers to the SDK's postMessage commands ("<command>[:<json>]:<callbackId>:<APP_SID>"
// in, "<callbackId>:<json>" out). Every command is kept in window.portalLog.
const query = new URLSearchParams(location.search);
const install = query.has('install');
const placement = install ? 'DEFAULT' : query.get('placement');
const menu = placement === 'DEFAULT'; // the app opened from the menu, or installing
const id = query.get('id') ?? '';
const config = await (await fetch('/harness.json')).json();

const session = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
const DOMAIN = location.host;
const PROTOCOL = '0'; // http in the harness; 1 is https
const APP_SID = `sid${session}`;
const MEMBER_ID = 'member-harness';
let generation = 1;
const token = () => `auth-${session}-${generation}`;

const ENTITIES = { CRM_DEAL_DETAIL_TAB: 'Сделка', CRM_COMPANY_DETAIL_TAB: 'Компания', CRM_CONTACT_DETAIL_TAB: 'Контакт', CRM_LEAD_DETAIL_TAB: 'Лид' };
document.getElementById('entity').textContent = menu ? 'Приложения' : `${ENTITIES[placement] ?? placement} №${id}`;
document.getElementById('title').textContent = install ? 'Установка приложения «План касаний»' : menu ? 'План касаний' : (config.titles[placement] ?? '');

window.portalLog = [];
const frameName = `${DOMAIN}|${PROTOCOL}|${APP_SID}`;
const iframe = document.createElement('iframe');
iframe.name = frameName;
iframe.title = 'План касаний';
document.getElementById('app-slot').append(iframe);

const fields = {
  DOMAIN, PROTOCOL, LANG: 'ru', APP_SID,
  AUTH_ID: token(), AUTH_EXPIRES: '3600', REFRESH_ID: `refresh-${session}`, member_id: MEMBER_ID, status: 'L',
  PLACEMENT: placement, PLACEMENT_OPTIONS: menu ? '' : JSON.stringify({ ID: id }),
};
const form = document.createElement('form');
form.method = 'POST';
form.action = install ? config.install : config.handler;
form.target = frameName;
form.hidden = true;
for (const [name, value] of Object.entries(fields)) {
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = name;
  input.value = value;
  form.append(input);
}
document.body.append(form);
form.submit();
form.remove();

const answers = {
  getInitData: () => ({
    LANG: 'ru', DOMAIN, PROTOCOL: Number(PROTOCOL), PATH: '/rest/', AUTH_ID: token(), AUTH_EXPIRES: 3600,
    REFRESH_ID: `refresh-${session}`, MEMBER_ID, IS_ADMIN: menu, INSTALL: install, FIRST_RUN: false,
    PLACEMENT: placement, PLACEMENT_OPTIONS: menu ? {} : { ID: id },
    APP_OPTIONS: config.appOptions, USER_OPTIONS: {},
  }),
  refreshAuth: () => {
    generation += 1;
    return { AUTH_ID: token(), AUTH_EXPIRES: 3600, REFRESH_ID: `refresh-${session}`, member_id: MEMBER_ID };
  },
  resizeWindow: (params) => {
    const height = Number(params?.height);
    if (Number.isFinite(height) && height > 0) iframe.style.height = `${Math.min(Math.ceil(height), 5000)}px`;
    return {};
  },
};

window.addEventListener('message', (event) => {
  if (event.origin !== config.appOrigin || event.source !== iframe.contentWindow || typeof event.data !== 'string') return;
  const parts = event.data.split(':');
  if (parts.length < 3 || parts.at(-1) !== APP_SID) return;
  const command = parts[0];
  const callbackId = parts.at(-2);
  const raw = parts.slice(1, -2).join(':');
  let params = null;
  try { params = raw ? JSON.parse(raw) : null; } catch { params = raw; }
  window.portalLog.push({ command, params });
  const answer = (answers[command] ?? (() => ({})))(params);
  iframe.contentWindow.postMessage(`${callbackId}:${JSON.stringify(answer)}`, config.appOrigin);
});
