// What the composer shows beside the blocks: validation warnings, pending source changes, the
// coverage chart, the history, and the conflict banner.
import { el, fmt, request } from './composer_util.js';
import { itemText } from './composer_render.js';

const blockTitle = (fn, id) => fn.blocks.find((b) => b.id === id)?.title;

export function renderWarnings(box, view, t) {
  const section = box.closest('section');
  section.hidden = false;
  if (!view.warnings.length) {
    box.replaceChildren(el('p', { class: 'ok' }, t.warnings_none));
    return;
  }
  box.replaceChildren(el('ul', { class: 'warnings' }, view.warnings.map((w) => {
    const title = w.block && blockTitle(view.function, w.block);
    // The page's own sentence for the code, with what the server named filled in.
    const sentence = t.warning_codes?.[w.code];
    return el('li', { dataset: { code: w.code } },
      sentence ? fmt(sentence, w.params || {}) : w.message,
      title ? [' — ', el('a', { href: `#block-${w.block}` }, title)] : null);
  })));
}

/** Source changes the user has not taken or left yet, each with its two buttons. */
export function renderChanges(box, view, t, edit) {
  const section = box.closest('section');
  section.hidden = !view.changes.length;
  box.replaceChildren(el('ul', { class: 'changes' }, view.changes.map((c) => el('li', { dataset: { change: c.key } },
    el('p', {}, el('strong', {}, t.change_types?.[c.type] || c.type), ' · ', blockTitle(view.function, c.block) || c.block,
      c.new_version && c.old_version !== c.new_version ? ` (${c.old_version} → ${c.new_version})` : ''),
    c.old_text ? el('p', { class: 'old-text', lang: 'nl' }, el('del', {}, c.old_text)) : null,
    c.new_text ? el('p', { class: 'new-text', lang: 'nl' }, el('ins', {}, c.new_text)) : null,
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'small', dataset: { key: `take:${c.key}` }, onclick: () => edit({ op: 'take_change', change: c.key }) }, t.take_change),
      el('button', { type: 'button', class: 'small secondary', dataset: { key: `leave:${c.key}` }, onclick: () => edit({ op: 'leave_change', change: c.key }) }, t.leave_change))))));
}

let coverageRequest = 0;
/** Puts the server's coverage chart into the figure (inline, so its text is read out). */
export async function refreshCoverage(figure) {
  const mine = ++coverageRequest;
  const res = await fetch(figure.dataset.src, { cache: 'no-store' });
  if (!res.ok || mine !== coverageRequest) return; // a newer refresh is under way
  const svg = await res.text();
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') return;
  // Its profile names are links, so it is a group of controls, not one image (as the compare
  // page's heat maps are).
  if (root.querySelector('a')) root.setAttribute('role', 'group');
  figure.replaceChildren(document.importNode(root, true));
}

// "a, b en c" in the page's language.
function joinWords(parts, and) {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}`;
}

/**
 * One saved change as a sentence in the page's language: "An verwijderde blok “Communiceren”
 * om 14:05." Versions saved before the history kept events show their English summary line.
 * opts: {lang, framework}.
 */
export function historySentence(h, t, opts) {
  const when = new Date(h.at);
  const locale = opts.lang === 'en' ? 'en-GB' : 'nl-BE';
  const time = when.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  const today = when.toDateString() === new Date().toDateString();
  const at = today ? fmt(t.history_at_time, { time })
    : fmt(t.history_on_date, { time, date: when.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' }) });
  const events = (h.events || []).filter((e) => t.history_events?.[e.op]);
  if (!events.length) return null;
  const said = events.slice(0, 3).map((e) => {
    const params = { ...e.params };
    if (e.op === 'set_status') params.value = t[`status_${params.value}`] || params.value;
    if (e.op === 'set_cluster') params.cluster = opts.framework?.clusters.find((c) => c.id === params.cluster)?.title || params.cluster;
    return fmt(t.history_events[e.op], params);
  });
  // "nog 1 andere wijziging", not "nog 1 andere wijzigingen": one more change is singular.
  const more = events.length - 3;
  if (more > 0) said.push(more === 1 ? t.history_more_one : fmt(t.history_more, { n: more }));
  return `${h.author || t.history_someone} ${joinWords(said, t.history_and)} ${at}.`;
}

export async function refreshHistory(list, apiUrl, t, opts = {}) {
  const { status, body } = await request('GET', `${apiUrl}/history`);
  if (status !== 200) return;
  list.closest('section').hidden = false;
  list.replaceChildren(...(body.history.length ? body.history.map((h) => {
    const sentence = historySentence(h, t, opts);
    return el('li', {},
      sentence ? el('p', { class: 'history-sentence' }, sentence)
        : el('p', { class: 'history-summary', lang: 'en' }, h.summary),
      el('p', { class: 'history-meta meta' },
        el('span', { class: 'history-version' }, `${t.version} ${h.version}`), ' · ',
        el('time', { datetime: h.at }, h.at.replace('T', ' ').replace('Z', ' UTC')),
        h.author ? [' · ', el('span', { class: 'history-author' }, fmt(t.history_by, { author: h.author }))] : ''));
  }) : [el('li', {}, t.history_none)]));
}

// A function as lines of text, to show what differs between two versions of it.
function lines(fn, t) {
  if (!fn) return [];
  const v = (s) => s || t.empty_value;
  const out = [
    `${t.field_title}: ${v(fn.title)}`, `${t.field_organisation}: ${v(fn.organisation)}`,
    `${t.field_purpose}: ${v(fn.purpose)}`, `${t.field_context}: ${v(fn.context)}`,
    `${t.field_status}: ${t[`status_${fn.status}`] || fn.status}`,
  ];
  for (const b of fn.blocks) {
    out.push(`${t.block_title}: ${b.title}`);
    if (b.weight != null) out.push(`${b.title} · ${t.weight}: ${b.weight}`);
    b.items.forEach((i) => out.push(`${b.title} · ${itemText(i)}`));
  }
  return out;
}

// The lines of `a` that `b` does not have (as many times as they are missing).
function minus(a, b) {
  const left = new Map();
  b.forEach((l) => left.set(l, (left.get(l) || 0) + 1));
  return a.filter((l) => {
    const n = left.get(l) || 0;
    if (n) { left.set(l, n - 1); return false; }
    return true;
  });
}

/**
 * The conflict banner: the stored version (what the others changed) and the user's unsaved
 * edits side by side, with the two ways out.
 */
export function renderConflict(banner, conflict, baseVersion, apiUrl, t, { reapply, discard }, opts = {}) {
  const current = conflict.current.function;
  const theirs = minus(lines(current, t), lines(conflict.yours, t));
  const yours = minus(lines(conflict.yours, t), lines(current, t));
  const historyList = el('ul', { class: 'conflict-history' });
  const diffList = (list, cls) => (list.length
    ? el('ul', { class: `diff-lines ${cls}`, lang: 'nl' }, list.map((l) => el('li', {}, l)))
    : el('p', { class: 'meta' }, t.conflict_same));
  banner.replaceChildren(
    el('h2', { id: 'conflict-h', tabindex: '-1' }, t.conflict_title),
    el('p', {}, t.conflict_intro),
    el('div', { class: 'conflict-columns' },
      el('section', { class: 'conflict-theirs', 'aria-labelledby': 'conflict-theirs-h' },
        el('h3', { id: 'conflict-theirs-h' }, fmt(t.conflict_theirs, { v: current.version })),
        historyList, diffList(theirs, 'theirs')),
      el('section', { class: 'conflict-yours', 'aria-labelledby': 'conflict-yours-h' },
        el('h3', { id: 'conflict-yours-h' }, t.conflict_yours),
        diffList(yours, 'yours'))),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'reapply', onclick: reapply }, t.conflict_reapply),
      el('button', { type: 'button', class: 'discard secondary', onclick: discard }, t.conflict_discard)));
  banner.hidden = false;
  banner.querySelector('h2').focus();
  // Who saved what since the version the edits were made on.
  request('GET', `${apiUrl}/history`).then(({ status, body }) => {
    if (status !== 200) return;
    const since = body.history.filter((h) => h.version > baseVersion);
    historyList.replaceChildren(...since.map((h) => el('li', {},
      `${t.version} ${h.version}`, h.author ? ` (${fmt(t.conflict_theirs_by, { author: h.author })})` : '',
      `: ${historySentence(h, t, opts) ?? h.summary}`)));
  });
}
