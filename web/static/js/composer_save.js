// Autosave: every change is one edit of POST /api/functions/{id}/edits, sent at once, or
// ~500 ms after the last keystroke for typing (edits with the same key replace each other
// while they wait, so a sentence is one edit, not forty). Edits name the version they were
// made on; when someone else saved in between the server answers 409 and nothing is written:
// the saver then holds the edits until the user reapplies or discards them. The history names
// the signed-in user, whom the server knows from the session.
import { request } from './composer_util.js';

const TYPING_DELAY = 500;

export class Saver {
  /**
   * hooks: saved(view), conflict({current, yours, edits}), failed(problem), status(state)
   * with state one of saved | pending | saving | conflict | error.
   */
  constructor(url, version, hooks) {
    this.url = url;
    this.version = version;
    this.hooks = hooks;
    this.pending = []; // [{edit, key}] not sent yet, in order
    this.inflight = null; // promise of the request being sent
    this.timer = null;
    this.conflictEdits = null; // edits held back by a conflict
  }

  get dirty() { return this.pending.length > 0 || this.inflight !== null; }
  get inConflict() { return this.conflictEdits !== null; }

  /** The edit waiting under `key` (what the user typed and the server has not seen yet). */
  waiting(key) { return this.pending.find((p) => p.key === key)?.edit; }

  /** Queues an edit; with a key it waits for typing to pause, without one it goes now. */
  queue(edit, key = null) {
    const same = key && this.pending.find((p) => p.key === key);
    if (same) same.edit = edit;
    else this.pending.push({ edit, key });
    clearTimeout(this.timer);
    if (this.inConflict) return; // held until the conflict is resolved
    if (key) {
      this.hooks.status('pending');
      this.timer = setTimeout(() => this.flush(), TYPING_DELAY);
    } else {
      this.flush();
    }
  }

  /** Sends whatever waits; resolves when all of it is saved (or refused). */
  async flush() {
    clearTimeout(this.timer);
    while (this.inflight) await this.inflight;
    if (!this.pending.length || this.inConflict) return;
    const edits = this.pending.map((p) => p.edit);
    this.pending = [];
    this.inflight = this.send(this.version, edits);
    try { await this.inflight; } finally { this.inflight = null; }
    if (this.pending.length && !this.inConflict) await this.flush();
  }

  async send(version, edits) {
    this.hooks.status('saving');
    let res;
    try {
      res = await request('POST', `${this.url}/edits`, { version, edits });
    } catch (err) {
      // The network failed: keep the edits in front, the next change (or a retry) sends them.
      this.pending = edits.map((edit) => ({ edit, key: null })).concat(this.pending);
      this.hooks.status('error');
      this.hooks.failed({ detail: err.message });
      return;
    }
    if (res.status === 200) {
      this.version = res.body.function.version;
      this.hooks.saved(res.body);
      this.hooks.status(this.pending.length ? 'pending' : 'saved');
    } else if (res.status === 409 && res.body?.current) {
      // Everything not yet saved is held with the refused edits, in order.
      this.conflictEdits = edits.concat(this.pending.map((p) => p.edit));
      this.pending = [];
      this.hooks.status('conflict');
      this.hooks.conflict({ current: res.body.current, yours: res.body.yours, edits: this.conflictEdits });
    } else {
      this.hooks.status('error');
      this.hooks.failed(res.body || { detail: String(res.status) });
    }
  }

  /** After a conflict: the user's edits again, on top of the version stored now. */
  async reapply(currentVersion) {
    const edits = this.conflictEdits || [];
    this.conflictEdits = null;
    this.version = currentVersion;
    this.pending = edits.map((edit) => ({ edit, key: null })).concat(this.pending);
    await this.flush();
  }

  /** After a conflict: forget the user's edits and go on from the version stored now. */
  discard(currentVersion) {
    this.conflictEdits = null;
    this.pending = [];
    this.version = currentVersion;
    this.hooks.status('saved');
  }
}
