// The app's install page: binds index.html (beside this page) to the four CRM
// card tabs with placement.bind, then tells the portal the install is
// finished (installFinish), without which the tabs do not show.
import { PLACEMENTS } from './adapter.js';

const status = document.getElementById('status');
const TITLES = { ru: { TITLE: 'План касаний' }, en: { TITLE: 'Touch plan' } };

async function install() {
  const b24 = await globalThis.B24Js.initializeB24Frame();
  const handler = new URL('index.html', location.href).href;
  const bound = [];
  const failed = [];
  for (const placement of Object.keys(PLACEMENTS)) {
    const answer = await b24.actions.v2.call.make({
      method: 'placement.bind',
      params: { PLACEMENT: placement, HANDLER: handler, LANG_ALL: TITLES },
    }).catch((e) => ({ isSuccess: false, getErrorMessages: () => [e?.message ?? String(e)] }));
    // Bound already (a second install) counts as done.
    if (answer.isSuccess || answer.getErrorMessages().some((m) => /already/i.test(m))) bound.push(placement);
    else failed.push(`${placement}: ${answer.getErrorMessages().join('; ')}`);
  }
  if (failed.length) {
    status.textContent = `Не все вкладки установлены: ${failed.join(', ')}`;
    return;
  }
  if (b24.isInstallMode) await b24.installFinish();
  status.textContent = `Готово: вкладка «План касаний» в карточках (${bound.join(', ')}).`;
}

install().catch((e) => { status.textContent = `Установка не удалась: ${e?.message ?? e}`; });
