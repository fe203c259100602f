// The function composer (/functions/{id}): wires the structure pane, the editor, autosave and
// the side panels together. The server rendered the function read-only with the API's view of
// it embedded, so the editor is built at once from that data, without waiting for the API.
import { embedded, fmt, request } from './composer_util.js';
import { confirmDialog, UndoBar, rememberDeletion, deleteFunction } from './composer_undo.js';
import { Saver } from './composer_save.js';
import { renderEditor } from './composer_render.js';
import { setupStructure, DRAG_TYPE } from './composer_source.js';
import {
  renderWarnings, renderChanges, refreshCoverage, refreshHistory, renderConflict,
} from './composer_panels.js';

const root = document.querySelector('[data-composer]');
if (root) start(root);

function start(root) {
  const t = embedded('function-texts');
  const kinds = embedded('function-kinds') || {};
  const sources = embedded('function-sources');
  const apiUrl = `/api/functions/${encodeURIComponent(root.dataset.functionId)}`;
  const $ = (sel) => document.querySelector(sel);
  const editor = $('#function-editor');
  const pane = $('#function');
  const structure = $('#structure');
  const statusBox = $('#save-status');
  const banner = $('#conflict');
  const coverage = $('#coverage-chart');

  // With the script the editor replaces the read-only view.
  $('#function-readonly').remove(); // its ids are the editor's
  document.querySelectorAll('[data-readonly]').forEach((n) => { n.hidden = true; });
  editor.hidden = false;
  structure.hidden = false;

  const undoBar = new UndoBar(t);
  const ctx = {
    view: embedded('function-data'), t, kinds, open: new Set(), focusAfter: null, saver: null,
    edit: (edit, key) => {
      // Undo is for the last action only: anything done after a deletion ends the offer.
      if (edit.op !== 'restore') undoBar.hide();
      ctx.saver.queue(edit, key);
    },
  };

  // Deleting a block asks first, and can be taken back: `restore` saves the version before it.
  ctx.removeBlock = async (block, focusKey) => {
    const title = block.title || t.no_title;
    if (!(await confirmDialog(fmt(t.confirm_remove_block, { block: title }), t.remove_block, t.cancel))) {
      pane.querySelector(`[data-key="${CSS.escape(`rmblock:${block.id}`)}"]`)?.focus();
      return;
    }
    await ctx.saver.flush();
    if (ctx.saver.inConflict) return;
    const before = ctx.saver.version;
    ctx.focusAfter = focusKey;
    ctx.edit({ op: 'remove_block', block: block.id });
    undoBar.show(fmt(t.block_removed, { block: title }), () => {
      ctx.focusAfter = `btitle:${block.id}`;
      ctx.edit({ op: 'restore', version: before });
    });
  };

  // Focus and caret survive a rebuild: the control with the same data-key gets them back.
  function captureFocus() {
    const a = document.activeElement;
    if (!a || !a.dataset?.key || !pane.contains(a)) return null;
    let start = null; let end = null;
    try { start = a.selectionStart; end = a.selectionEnd; } catch { /* not a text field */ }
    return { key: a.dataset.key, start, end };
  }
  function restoreFocus(saved) {
    const key = ctx.focusAfter || saved?.key;
    ctx.focusAfter = null;
    if (!key) return;
    let target = key === 'blocks-heading' ? $('#blocks-h') : pane.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (target?.disabled) {
      // "Up" on the first block is disabled now: stay on the block, on its other button.
      target = target.parentElement.querySelector('button:not([disabled])')
        || target.closest('article')?.querySelector('.block-title-input');
    }
    if (!target && /^(take|leave):/.test(key)) {
      // The decided change is gone with its buttons: go on to the next change, if any.
      target = pane.querySelector('[data-key^="take:"]') || $('#blocks-h');
    }
    if (!target) return;
    target.focus({ preventScroll: true });
    if (saved && saved.key === key && saved.start != null && target.setSelectionRange) {
      try { target.setSelectionRange(saved.start, saved.end); } catch { /* number inputs */ }
    }
  }

  function render() {
    const saved = captureFocus();
    const fn = ctx.view.function;
    renderEditor(editor, ctx);
    renderWarnings($('#warnings-list'), ctx.view, t);
    renderChanges($('#changes-list'), ctx.view, t, ctx.edit);
    $('#function-heading').textContent = fn.title;
    document.title = `${fn.title} · vakkaart`;
    const meta = (name, value) => { const n = document.querySelector(`[data-meta="${name}"]`); if (n) n.textContent = value; };
    meta('organisation', fn.organisation);
    meta('status', t[`status_${fn.status}`] || fn.status);
    meta('version', fn.version);
    restoreFocus(saved);
  }

  // The blocks a save added, briefly marked and scrolled to, so a drop is seen to land.
  function markNew(before) {
    const old = new Set(before.map((b) => b.id));
    for (const b of ctx.view.function.blocks) {
      if (old.has(b.id)) continue;
      const article = document.getElementById(`block-${b.id}`);
      if (!article) continue;
      article.classList.add('fresh');
      article.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      setTimeout(() => article.classList.remove('fresh'), 2500);
    }
  }

  function setView(view) {
    const before = ctx.view.function.blocks;
    ctx.view = view;
    render();
    markNew(before);
  }

  const historyOpts = () => ({ lang: root.dataset.lang, framework: ctx.view.framework });
  let sideTimer = null;
  function refreshSide() {
    // Chart and history follow the saves, but not every one of a burst of typing.
    clearTimeout(sideTimer);
    sideTimer = setTimeout(() => {
      refreshCoverage(coverage);
      refreshHistory($('#history-list'), apiUrl, t, historyOpts());
    }, 300);
  }

  function setStatus(state, detail) {
    statusBox.dataset.state = state;
    statusBox.textContent = (t[`save_${state}`] || state) + (detail ? `: ${detail}` : '');
  }

  let conflictFocus = null;
  ctx.setStatus = setStatus;
  ctx.saver = new Saver(apiUrl, ctx.view.function.version, {
    status: (state) => setStatus(state),
    saved: (view) => { setView(view); refreshSide(); },
    failed: (problem) => {
      setStatus('error', problem.detail || problem.title);
      render(); // nothing was saved: show the function as stored again
    },
    conflict: ({ current, yours }) => {
      conflictFocus = captureFocus();
      // Nothing can be edited until the user decides; the editor keeps showing their edits.
      editor.inert = true;
      structure.inert = true;
      const base = ctx.view.function.version;
      const close = () => { banner.hidden = true; banner.replaceChildren(); editor.inert = false; structure.inert = false; };
      renderConflict(banner, { current, yours }, base, apiUrl, t, {
        reapply: async () => {
          close();
          ctx.focusAfter = conflictFocus?.key || null;
          setView(current);
          await ctx.saver.reapply(current.function.version);
        },
        discard: () => {
          close();
          ctx.focusAfter = conflictFocus?.key || 'blocks-heading';
          ctx.saver.discard(current.function.version);
          setView(current);
          refreshSide();
        },
      }, historyOpts());
    },
  });

  // Dropping a source block anywhere on the function takes it; dropped on a cluster's group,
  // a competence goes into that cluster.
  pane.addEventListener('dragover', (e) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE) || editor.inert) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    pane.classList.add('drop-target');
  });
  pane.addEventListener('dragleave', (e) => {
    if (!pane.contains(e.relatedTarget)) pane.classList.remove('drop-target');
  });
  pane.addEventListener('drop', (e) => {
    pane.classList.remove('drop-target');
    const data = e.dataTransfer.getData(DRAG_TYPE);
    if (!data || editor.inert) return;
    e.preventDefault();
    const edit = JSON.parse(data);
    const group = e.target.closest?.('.cluster-group');
    if (group?.dataset.cluster && edit.source.split(':').length === 2) edit.cluster = group.dataset.cluster;
    ctx.edit(edit);
  });

  // An export shows what is saved: let waiting edits reach the server first.
  document.querySelectorAll('a.export-link').forEach((a) => a.addEventListener('click', async (e) => {
    if (!ctx.saver.dirty) return;
    e.preventDefault();
    await ctx.saver.flush();
    a.click();
  }));
  // Leaving with unsaved typing: flush now (and ask the browser to warn if still unsent).
  window.addEventListener('beforeunload', (e) => {
    if (!ctx.saver.dirty && !ctx.saver.inConflict) return;
    ctx.saver.flush();
    e.preventDefault();
  });

  setupFunctionActions(ctx, apiUrl, root.dataset.lang);
  setupExportOptions();
  setupStructure(structure, {
    t, lang: root.dataset.lang, framework: ctx.view.framework, sources, take: (edit) => ctx.edit(edit),
  });
  setStatus('saved');
  render();
  refreshCoverage(coverage);
  refreshHistory($('#history-list'), apiUrl, t, historyOpts());
}

// Duplicate and delete the whole function. A deletion is confirmed here and finished on the
// list, which offers to undo it (composer_undo.js).
function setupFunctionActions(ctx, apiUrl, lang) {
  const { t } = ctx;
  const box = document.querySelector('.function-actions');
  if (!box) return;
  box.hidden = false;
  const suffix = lang === 'en' ? '?lang=en' : '';
  const copy = document.getElementById('duplicate-function');
  copy.addEventListener('click', async () => {
    await ctx.saver.flush();
    const fn = ctx.view.function;
    copy.disabled = true;
    const res = await request('POST', `${apiUrl}/duplicate`, { title: fmt(t.copy_title, { title: fn.title }) });
    if (res.status !== 201) {
      copy.disabled = false;
      ctx.setStatus('error', res.body?.detail || res.status);
      return;
    }
    window.location.assign(`/functions/${encodeURIComponent(res.body.function.id)}${suffix}`);
  });
  const del = document.getElementById('delete-function');
  del.addEventListener('click', async () => {
    const fn = ctx.view.function;
    if (!(await confirmDialog(fmt(t.confirm_delete_function, { title: fn.title }), t.delete, t.cancel))) {
      del.focus();
      return;
    }
    await ctx.saver.flush();
    const now = { id: fn.id, version: ctx.saver.version, title: ctx.view.function.title };
    // Without session storage there is no undo: delete at once.
    if (!rememberDeletion(now)) await deleteFunction(now);
    window.location.assign(`/functions${suffix}`);
  });
}

// What the documents include (original wording beside rewordings, the weights table, the
// sources under the blocks): chosen beside the export links, kept for the next export.
function setupExportOptions() {
  const box = document.getElementById('export-options');
  if (!box) return;
  box.hidden = false;
  const KEY = 'vakkaart-export-options';
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(KEY) || '{}'); } catch { /* private mode */ }
  const boxes = [...box.querySelectorAll('input[type="checkbox"]')];
  const apply = () => {
    const choice = Object.fromEntries(boxes.map((b) => [b.name, b.checked]));
    try { localStorage.setItem(KEY, JSON.stringify(choice)); } catch { /* private mode */ }
    document.querySelectorAll('a.export-link').forEach((a) => {
      // The canonical JSON and the sheets always hold the whole function.
      if (['json', 'csv', 'xlsx'].includes(a.dataset.format)) return;
      const url = new URL(a.href);
      for (const [name, on] of Object.entries(choice)) url.searchParams.set(name, on ? '1' : '0');
      a.href = url.pathname + url.search;
    });
  };
  boxes.forEach((b) => {
    if (b.name in saved) b.checked = Boolean(saved[b.name]);
    b.addEventListener('change', apply);
  });
  apply();
}
