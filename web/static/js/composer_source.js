// The left pane: the structure blocks are taken from. A picker chooses a profile (rings →
// clusters → main activities → sub-activities) or a qualification (competences → activities
// and knowledge); each main activity or competence can be dragged onto the function or taken
// with its "Take" button, with the ticked statements as the block's items. The search box
// uses /api/search and reveals a hit's main activity or competence in the tree.
import { el, fmt, fmtParts, getJson, shownText } from './composer_util.js';

export const DRAG_TYPE = 'application/x-vakkaart-source';

const cache = new Map(); // source id → its API JSON (profiles and qualifications do not change here)

async function load(kind, id) {
  const key = `${kind}:${id}`;
  if (!cache.has(key)) cache.set(key, getJson(`/api/${kind === 'profile' ? 'profiles' : 'qualifications'}/${encodeURIComponent(id)}`));
  return cache.get(key);
}

/**
 * What taking a source block sends: {source, items?, cluster?} (items left out when all are
 * ticked; cluster when the user chose one for a competence).
 */
function takeEdit(block) {
  const boxes = [...block.querySelectorAll('input[type="checkbox"]')];
  const items = boxes.filter((b) => b.checked).map((b) => Number(b.dataset.position));
  const edit = { op: 'add_block', source: block.dataset.source };
  if (items.length < boxes.length) edit.items = items;
  const cluster = block.querySelector('select.place-in')?.value;
  if (cluster) edit.cluster = cluster;
  return edit;
}

const suggestions = new Map(); // qualification id → its competences' best clusters (crosswalk)

function clusterSuggestions(qualificationId) {
  if (!suggestions.has(qualificationId)) {
    suggestions.set(qualificationId, getJson(`/api/crosswalks/clusters?qualification=${encodeURIComponent(qualificationId)}`)
      .then((r) => new Map(r.competences.map((c) => [c.number, c.clusters])))
      .catch(() => new Map())); // no suggestion is no reason to refuse the block
  }
  return suggestions.get(qualificationId);
}

// A competence fits several clusters of the ring model: the user chooses where it goes, and the
// crosswalk's best clusters come first, the best one chosen, with the words that carried it.
// Cluster titles in the reader's language where the framework has a label (the crosswalk's
// suggestions name them in Dutch).
export function placeChooser(ref, suggested, ctx) {
  const { t, framework } = ctx;
  const clusterTitle = (c) => shownText(framework.clusters.find((f) => f.id === c.id)?.title_labels, c.title);
  const safe = ref.replace(/[^A-Za-z0-9_-]/g, '-');
  const id = `place-${safe}`;
  const ring = (layer) => t.layers?.[layer.id] ?? layer.title;
  const select = el('select', { id, class: 'place-in', 'aria-describedby': `${id}-why` },
    suggested.length ? null : el('option', { value: '', selected: true }, t.place_auto),
    suggested.length ? el('optgroup', { label: t.place_suggested },
      suggested.map((c, i) => {
        const title = clusterTitle(c);
        return el('option', { value: c.id, selected: i === 0, lang: title.lang }, `${title.text} (${Math.round(c.score * 100)} %)`);
      })) : null,
    framework.layers.map((layer) => el('optgroup', { label: ring(layer) },
      framework.clusters.filter((c) => c.layer === layer.id).map((c) => {
        const title = shownText(c.title_labels, c.title);
        return el('option', { value: c.id, lang: title.lang }, title.text);
      }))));
  const best = suggested[0];
  return el('div', { class: 'field place-field' },
    el('label', { for: id }, t.place_in),
    select,
    el('p', { class: 'meta place-why', id: `${id}-why`, lang: document.documentElement.lang }, best
      ? fmtParts(t.place_why, {
        cluster: (({ text, lang }) => el('span', { lang }, text))(clusterTitle(best)),
        words: best.words.slice(0, 5).join(', '),
      })
      : t.place_none));
}

// One draggable source block: its title (a string, or {text, lang} as shownText gives), its
// statements as checkboxes (each with its lang when it has one), the take button.
function sourceBlock(ref, shown, sections, ctx, place = null) {
  const { t } = ctx;
  const title = typeof shown === 'string' ? shown : shown.text;
  const safe = ref.replace(/[^A-Za-z0-9_-]/g, '-');
  const titleId = `st-${safe}`;
  const block = el('div', {
    class: 'src-block', id: `src-${safe}`, draggable: 'true', tabindex: '-1',
    dataset: { source: ref }, 'aria-labelledby': titleId,
  });
  block.append(el('p', { class: 'src-title', id: titleId, lang: shown.lang }, title));
  let pos = 0;
  for (const section of sections) {
    if (!section.items.length) continue;
    if (section.title) block.append(el('p', { class: 'src-section' }, section.title));
    // An optional section (a competence's knowledge) starts unticked: tick what the job needs.
    block.append(el('ul', { class: `checklist${section.optional ? ' optional' : ''}` }, section.items.map((s) => {
      pos += 1;
      const id = `sb-${safe}-${pos}`;
      return el('li', { class: s.sub ? 'sub' : '' },
        el('input', { type: 'checkbox', id, checked: !section.optional, dataset: { position: pos } }), ' ',
        el('label', { for: id, lang: s.lang }, s.text));
    })));
  }
  if (place) block.append(place);
  const take = el('button', { type: 'button', class: 'take', 'aria-describedby': titleId }, t.take);
  take.addEventListener('click', () => {
    const edit = takeEdit(block);
    if (edit.items && !edit.items.length) return; // nothing ticked: nothing to take
    ctx.take(edit);
  });
  block.append(take);
  block.addEventListener('dragstart', (e) => {
    if (e.target !== block) return;
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(takeEdit(block)));
    e.dataTransfer.setData('text/plain', title);
    e.dataTransfer.effectAllowed = 'copy';
    block.classList.add('dragging');
  });
  block.addEventListener('dragend', () => block.classList.remove('dragging'));
  return block;
}

// A profile's activities depth first, as the API's positions count them; each in the reader's
// language where the API gives a label (`labels`), else Dutch.
function flatten(activities, sub = false, out = []) {
  for (const a of activities || []) {
    out.push({ ...shownText(a.labels, a.text), sub });
    flatten(a.children, true, out);
  }
  return out;
}

function profileTree(profile, ctx) {
  const { t, framework } = ctx;
  const tree = el('div', { class: 'src-profile', lang: 'nl' });
  for (const layer of framework.layers) {
    const clusters = profile.clusters.filter((c) => c.layer === layer.id && c.main_activities.length);
    if (!clusters.length) continue;
    // The ring's name in the page's language (the tree itself is the sources' Dutch).
    const ring = t.layers?.[layer.id];
    tree.append(el('h3', { class: 'src-layer', lang: ring ? ctx.lang || 'nl' : 'nl' }, ring ?? layer.title));
    for (const c of clusters) {
      // Framework texts in the page's language where there is a label (the function view's
      // clusters carry title_labels; the profile's main activities and activities their own).
      const cluster = shownText(framework.clusters.find((f) => f.id === c.id)?.title_labels, c.title);
      const details = el('details', { class: 'src-cluster', dataset: { cluster: c.id } },
        el('summary', {}, el('span', { lang: cluster.lang }, cluster.text),
          el('span', { class: 'count' }, ` (${c.main_activities.length})`)));
      c.main_activities.forEach((m, i) => {
        const n = i + 1;
        const title = m.title ? shownText(m.title_labels, m.title)
          : { text: `${t.main_activity} ${n}`, lang: ctx.lang };
        details.append(sourceBlock(`${profile.id}:${c.id}:${n}`, title,
          [{ title: null, items: flatten(m.activities) }], ctx));
      });
      tree.append(details);
    }
  }
  return tree;
}

function qualificationTree(q, ctx, places) {
  const { t } = ctx;
  const tree = el('div', { class: 'src-qualification', lang: 'nl' });
  tree.append(el('h3', { class: 'src-layer' }, `${q.id} ${q.title}`));
  for (const c of q.competences) {
    const ref = `${q.id}:${c.number}`;
    const details = el('details', { class: 'src-cluster', dataset: { competence: c.number } },
      el('summary', {}, `${c.number}. ${c.title}`));
    details.append(sourceBlock(ref, `${t.competence} ${c.number}: ${c.title}`, [
      { title: t.activities, items: (c.activities || []).map((a) => ({ text: a.text })) },
      { title: t.knowledge_optional, optional: true, items: (c.knowledge || []).map((k) => ({ text: k.text })) },
    ], ctx, placeChooser(ref, places.get(c.number) || [], ctx)));
    tree.append(details);
  }
  return tree;
}

/**
 * Sets up the pane. ctx: {t, framework, sources: {profiles, qualifications}, take(edit)}.
 * Returns {reveal(place)}.
 */
export function setupStructure(pane, ctx) {
  const { t, sources } = ctx;
  const picker = pane.querySelector('#source-picker');
  const treeBox = pane.querySelector('#source-tree');
  picker.replaceChildren(
    el('optgroup', { label: t.profiles }, sources.profiles.map((p) => {
      // The profile's title in the reader's language where the list carries a label.
      const title = shownText(p.title_labels, p.title);
      return el('option', { value: `profile:${p.id}`, lang: title.lang }, title.text);
    })),
    sources.qualifications.length ? el('optgroup', { label: t.qualifications },
      sources.qualifications.map((q) => el('option', { value: `qualification:${q.id}` }, `${q.id} ${q.title}`))) : null);

  let shown = null;
  async function show(value) {
    if (value === shown) return;
    shown = value;
    picker.value = value;
    try { sessionStorage.setItem('composer-source', value); } catch { /* private mode */ }
    const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
    treeBox.setAttribute('aria-busy', 'true');
    treeBox.replaceChildren(el('p', { class: 'meta' }, t.loading));
    const [data, places] = await Promise.all([load(kind, id), kind === 'profile' ? null : clusterSuggestions(id)]);
    if (shown !== value) return; // another choice came in meanwhile
    treeBox.replaceChildren(kind === 'profile' ? profileTree(data, ctx) : qualificationTree(data, ctx, places));
    treeBox.removeAttribute('aria-busy');
  }
  picker.addEventListener('change', () => show(picker.value));
  let first = picker.options[0]?.value;
  try {
    const remembered = sessionStorage.getItem('composer-source');
    if ([...picker.options].some((o) => o.value === remembered)) first = remembered;
  } catch { /* private mode */ }
  if (first) show(first);

  /** Shows a place of a search hit in the tree: opens it, scrolls to it, focuses it. */
  async function reveal(place) {
    const isProfile = place.kind === 'profile';
    await show(`${place.kind}:${place.id}`);
    const ref = isProfile ? `${place.id}:${place.cluster}:${place.main_activity}` : `${place.id}:${place.competence}`;
    const block = treeBox.querySelector(`.src-block[data-source="${CSS.escape(ref)}"]`);
    if (!block) return;
    const details = block.closest('details');
    if (details) details.open = true;
    treeBox.querySelectorAll('.revealed').forEach((b) => b.classList.remove('revealed'));
    block.classList.add('revealed');
    block.scrollIntoView({ block: 'center' });
    block.focus({ preventScroll: true });
  }

  setupSearch(pane, ctx, reveal);
  return { reveal };
}

function setupSearch(pane, ctx, reveal) {
  const { t } = ctx;
  // "1 resultaat", "12 resultaten", "ongeveer 300 resultaten" (only where the count is estimated).
  const resultCount = (res) => {
    if (!res.results.length) return t.search_none;
    if (res.total_exact === false) return fmt(t.search_results_about, { n: res.total });
    return res.total === 1 ? t.search_result_one : fmt(t.search_results, { n: res.total });
  };
  const form = pane.querySelector('#structure-search');
  const box = pane.querySelector('#search-results');
  const lang = ctx.lang === 'en' ? '&lang=en' : '';
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const q = form.elements.q.value.trim();
    if (!q) { box.replaceChildren(); return; }
    const res = await getJson(`/api/search?q=${encodeURIComponent(q)}&limit=10`);
    const list = el('ol', { class: 'search-hits', lang: 'nl' });
    for (const r of res.results) {
      // Only places that are a main activity or a competence can be shown in the tree.
      const places = r.places.filter((p) => (p.kind === 'profile' && p.main_activity) || (p.kind === 'qualification' && p.competence));
      list.append(el('li', {},
        el('span', { class: 'hit-text' }, r.text),
        el('ul', { class: 'places' }, places.map((p) => {
          const href = p.kind === 'profile'
            ? `/profiles/${encodeURIComponent(p.id)}?cluster=${encodeURIComponent(p.cluster)}${lang}#${p.cluster}-${p.main_activity}`
            : `/qualifications/${encodeURIComponent(p.id)}${lang ? '?lang=en' : ''}#competence-${p.competence}`;
          const link = el('a', { href, class: 'hit-place' }, p.path);
          link.addEventListener('click', (ev) => {
            if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return; // a new tab is fine
            ev.preventDefault();
            reveal(p);
          });
          return el('li', {}, link);
        }))));
    }
    box.replaceChildren(
      el('p', { class: 'meta' }, resultCount(res)),
      list);
  });
}
