// Asking before a deletion, and taking it back: a modal <dialog> to confirm, and a bar that
// offers "Ongedaan maken" for the last deletion. A deleted block comes back through the edit
// `restore` (the version before the deletion, saved as a new one). A deleted function is only
// deleted on the server when the bar goes away (after a while, on the next page or when the user
// closes it), so taking it back is exact, history included.
import { csrfToken, el, request } from './composer_util.js';

/** Asks with a modal dialog; resolves true when the user confirms. */
export function confirmDialog(text, confirmLabel, cancelLabel) {
  return new Promise((resolve) => {
    const yes = el('button', { type: 'button', class: 'danger', value: 'yes' }, confirmLabel);
    const no = el('button', { type: 'button', class: 'secondary', value: 'no' }, cancelLabel);
    const message = el('p', { id: 'confirm-text' }, text);
    const dialog = el('dialog', { class: 'confirm-dialog', 'aria-labelledby': 'confirm-text' },
      message, el('div', { class: 'buttons' }, yes, no));
    const done = (answer) => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(false); }); // Escape
    document.body.append(dialog);
    dialog.showModal();
    no.focus(); // the safe answer first: Enter does not delete by accident
  });
}

/** The bar at the bottom of the page: a message and "Ongedaan maken". */
export class UndoBar {
  constructor(t) {
    this.t = t;
    this.node = el('div', { class: 'undo-bar', id: 'undo-bar', role: 'status', 'aria-live': 'polite', hidden: true });
    document.body.append(this.node);
    this.onGone = null;
  }

  /** Shows `text`; `undo` runs when the user takes it back, `gone` when the bar goes away. */
  show(text, undo, gone = null) {
    this.hide();
    const undoButton = el('button', { type: 'button', class: 'small', id: 'undo-button' }, this.t.undo);
    undoButton.addEventListener('click', () => {
      this.onGone = null; // taken back: nothing to finish
      this.hide();
      undo();
    });
    const close = el('button', { type: 'button', class: 'small secondary', 'aria-label': this.t.undo_close }, '×');
    close.addEventListener('click', () => this.hide());
    this.node.replaceChildren(el('span', { class: 'undo-text' }, text), ' ', undoButton, ' ', close);
    this.node.hidden = false;
    this.onGone = gone;
  }

  /** Takes the bar away; what waited for that (a deferred deletion) happens now. */
  hide() {
    this.node.hidden = true;
    this.node.replaceChildren();
    const gone = this.onGone;
    this.onGone = null;
    if (gone) gone();
  }
}

const PENDING_KEY = 'vakkaart-pending-delete';

/** Remembers a function to delete when the next page (the list) has offered to undo it. */
export function rememberDeletion(fn) {
  try {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ id: fn.id, version: fn.version, title: fn.title }));
    return true;
  } catch {
    return false; // private mode: the caller deletes at once
  }
}

/** The deletion the composer left for this page, once. */
export function takeRememberedDeletion() {
  try {
    const value = sessionStorage.getItem(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    return value ? JSON.parse(value) : null;
  } catch {
    return null;
  }
}

/** DELETE /api/functions/{id}?version=N; `keepalive` lets it finish while the page unloads. */
export function deleteFunction(fn, keepalive = false) {
  const url = `/api/functions/${encodeURIComponent(fn.id)}?version=${fn.version}`;
  if (!keepalive) return request('DELETE', url);
  const csrf = csrfToken();
  return fetch(url, { method: 'DELETE', keepalive: true, headers: csrf ? { 'X-CSRF-Token': csrf } : {} });
}
