// The list of functions: the "new function" form is sent as JSON to POST /api/functions (the
// API takes JSON only), then the composer of the new function opens. Each row can be duplicated
// and deleted; a deletion asks first and can be taken back while the undo bar shows (the
// function is deleted on the server when the bar goes, see composer_undo.js). A deletion begun
// in the composer arrives here to be offered for undo the same way.
import { el, embedded, fmt, request } from './composer_util.js';
import {
  confirmDialog, UndoBar, deleteFunction, takeRememberedDeletion,
} from './composer_undo.js';

const UNDO_SECONDS = 20;

const form = document.getElementById('new-function');
const t = embedded('function-texts') || {};
const lang = form?.dataset.lang === 'en' ? '?lang=en' : '';
const composerUrl = (id) => `/functions/${encodeURIComponent(id)}${lang}`;

if (form) {
  const status = form.querySelector('.form-status');
  form.querySelectorAll('[data-needs-js]').forEach((n) => { n.hidden = true; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    const body = {
      title: form.elements.title.value.trim(),
      organisation: form.elements.organisation.value.trim(),
    };
    button.disabled = true;
    status.textContent = t.creating;
    try {
      const res = await request('POST', '/api/functions', body);
      if (res.status !== 200 && res.status !== 201) throw new Error(res.body?.detail || res.status);
      window.location.assign(composerUrl(res.body.function.id));
    } catch (err) {
      status.textContent = `${t.error}: ${err.message}`;
      button.disabled = false;
    }
  });
}

const table = document.querySelector('table.function-list');
const listStatus = document.getElementById('list-status');
const undoBar = new UndoBar(t);

/** Hides the row now, deletes on the server when the undo bar goes (or the page does). */
function deleteLater(fn) {
  const row = table?.querySelector(`tr[data-function="${CSS.escape(fn.id)}"]`);
  if (row) row.hidden = true;
  let sent = false;
  const send = async (keepalive) => {
    if (sent) return;
    sent = true;
    window.removeEventListener('pagehide', onLeave);
    const res = await deleteFunction(fn, keepalive);
    const code = res.status;
    if (code !== 204 && !keepalive) {
      if (row) row.hidden = false;
      listStatus.textContent = fmt(t.delete_failed, { title: fn.title, detail: res.body?.detail || code });
    }
  };
  const onLeave = () => send(true);
  window.addEventListener('pagehide', onLeave);
  const timer = setTimeout(() => undoBar.hide(), UNDO_SECONDS * 1000);
  undoBar.show(fmt(t.function_deleted, { title: fn.title }), () => {
    clearTimeout(timer);
    sent = true;
    window.removeEventListener('pagehide', onLeave);
    if (row) row.hidden = false;
    listStatus.textContent = fmt(t.function_restored, { title: fn.title });
    row?.querySelector('a')?.focus();
  }, () => { clearTimeout(timer); send(false); });
}

async function duplicate(fn, button) {
  button.disabled = true;
  const res = await request('POST', `/api/functions/${encodeURIComponent(fn.id)}/duplicate`,
    { title: fmt(t.copy_title, { title: fn.title }) });
  if (res.status !== 201) {
    button.disabled = false;
    listStatus.textContent = `${t.error}: ${res.body?.detail || res.status}`;
    return;
  }
  window.location.assign(composerUrl(res.body.function.id));
}

if (table) {
  table.querySelectorAll('[data-js-only]').forEach((n) => { n.hidden = false; });
  for (const row of table.querySelectorAll('tbody tr[data-function]')) {
    const fn = { id: row.dataset.function, version: Number(row.dataset.version), title: row.dataset.title };
    const copy = el('button', { type: 'button', class: 'small secondary duplicate-function', 'aria-label': fmt(t.duplicate_named, { title: fn.title }) }, t.duplicate);
    copy.addEventListener('click', () => duplicate(fn, copy));
    const del = el('button', { type: 'button', class: 'small danger delete-function', 'aria-label': fmt(t.delete_named, { title: fn.title }) }, t.delete);
    del.addEventListener('click', async () => {
      if (await confirmDialog(fmt(t.confirm_delete_function, { title: fn.title }), t.delete, t.cancel)) deleteLater(fn);
      else del.focus();
    });
    row.querySelector('td.row-actions')?.append(copy, ' ', del);
  }
}

// A deletion confirmed in the composer: offered for undo here.
const remembered = takeRememberedDeletion();
if (remembered) deleteLater(remembered);
