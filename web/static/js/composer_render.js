// The right pane: the function as an editable form, its blocks grouped under ring and
// cluster headings in the framework's order. It is rebuilt from the server's view after every
// save (the server is the one truth about the function); every control carries a data-key so
// focus and caret come back to the same control after a rebuild.
import { el, fmt, shownText } from './composer_util.js';

/** The text an item shows: the organisation's wording, else the source's original. */
export const itemText = (item) => item.wording ?? item.original;

/**
 * "Bron: Gemeenschapswerker · Organiseren en begeleiden · hoofdactiviteit 2" as the server
 * writes it: the profile (the view's source_title_labels) and cluster in the reader's language
 * where they have a label, each in a span with its lang; a qualification is Dutch.
 */
export function provenance(source, view, t) {
  if (!source) return [t.own_block_source];
  const part = (shown) => el('span', { lang: shown.lang }, shown.text);
  const own = (text) => part({ text, lang: document.documentElement.lang });
  if (source.kind === 'qualification') {
    return [`${t.source}: `, part({ text: `${source.item} ${source.item_title}`, lang: 'nl' }),
      ' · ', own(`${t.competence} ${source.position}`)];
  }
  const cluster = view.framework?.clusters.find((c) => c.id === source.cluster);
  return [`${t.source}: `,
    part(shownText(view.source_title_labels?.[source.item], source.item_title)), ' · ',
    part(cluster ? shownText(cluster.title_labels, cluster.title) : { text: source.cluster, lang: 'nl' }),
    ' · ', own(`${t.main_activity} ${source.position}`)];
}

/** Blocks under their ring and cluster, in the framework's order; unplaced blocks last. */
export function groupBlocks(fn, framework, t) {
  const groups = [];
  const placed = new Set();
  for (const layer of framework.layers) {
    // Cluster titles in the page's language where the API gives a label (title_labels).
    const clusters = framework.clusters.filter((c) => c.layer === layer.id).map((c) => {
      const title = shownText(c.title_labels, c.title);
      return { id: c.id, title: title.text, lang: title.lang, blocks: fn.blocks.filter((b) => b.cluster === c.id) };
    }).filter((c) => c.blocks.length);
    clusters.forEach((c) => c.blocks.forEach((b) => placed.add(b.id)));
    if (clusters.length) groups.push({ id: layer.id, title: t.layers?.[layer.id] ?? layer.title, clusters });
  }
  const rest = fn.blocks.filter((b) => !placed.has(b.id));
  if (rest.length) groups.push({ id: '', title: t.unplaced, clusters: [{ id: '', title: t.unplaced, blocks: rest }] });
  return groups;
}

// A textarea as tall as its text (CSS field-sizing where the browser has it).
function fitHeight(area) {
  if (CSS.supports?.('field-sizing', 'content')) return;
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight + 2}px`;
}

/**
 * Renders the editor into `root`. ctx: {view, t, kinds, saver, open (Set of open <details>),
 * edit(edit, key?) to queue an edit}.
 */
export function renderEditor(root, ctx) {
  const { view, t } = ctx;
  const fn = view.function;
  const framework = view.framework;
  // What the user typed and the server has not answered yet wins over the view.
  const local = (key, value) => ctx.saver.waiting(key)?.value ?? value ?? '';

  const field = (name, label, multiline) => {
    const id = `f-${name}`;
    const key = `set:${name}`;
    const input = multiline
      ? el('textarea', { id, rows: 3, dataset: { key }, value: local(key, fn[name]) })
      : el('input', { id, type: 'text', dataset: { key }, value: local(key, fn[name]) });
    input.addEventListener('input', () => ctx.edit({ op: 'set', field: name, value: input.value }, key));
    return el('div', { class: `field field-${name}` }, el('label', { for: id }, label), input);
  };
  const status = el('select', { id: 'f-status', dataset: { key: 'set:status' } },
    ['draft', 'final'].map((s) => el('option', { value: s, selected: fn.status === s }, t[`status_${s}`])));
  status.addEventListener('change', () => ctx.edit({ op: 'set', field: 'status', value: status.value }));

  const fields = el('fieldset', { class: 'function-fields' },
    el('legend', {}, t.details),
    el('div', { class: 'field-row' }, field('title', t.field_title), field('organisation', t.field_organisation)),
    field('purpose', t.field_purpose, true),
    field('context', t.field_context, true),
    el('div', { class: 'field field-status' }, el('label', { for: 'f-status' }, t.field_status), status));

  const blocksArea = el('div', { class: 'blocks', id: 'blocks', dataset: { dropzone: '' } },
    el('h3', { class: 'blocks-heading', id: 'blocks-h', tabindex: '-1' }, t.blocks));
  for (const group of groupBlocks(fn, framework, t)) {
    const section = el('section', { class: 'layer-group', dataset: { layer: group.id } },
      el('h3', { class: 'layer-title' }, group.title));
    for (const cluster of group.clusters) {
      section.append(el('div', { class: 'cluster-group', dataset: { cluster: cluster.id } },
        el('h4', { class: 'cluster-title', lang: cluster.lang }, cluster.title),
        cluster.blocks.map((b) => renderBlock(b, cluster.blocks, ctx))));
    }
    blocksArea.append(section);
  }
  if (!fn.blocks.length) blocksArea.append(el('p', { class: 'empty' }, t.no_blocks));
  blocksArea.append(el('p', { class: 'drop-hint', 'aria-hidden': 'true' }, t.drop_here));

  // The total stays in view while scrolling through the blocks, with the warning beside it.
  const weights = fn.blocks.map((b) => b.weight).filter((w) => typeof w === 'number');
  const sum = Math.round(weights.reduce((a, b) => a + b, 0) * 10) / 10;
  const total = el('p', { class: 'weights-total', id: 'weights-total', dataset: { off: weights.length && sum !== 100 ? 'true' : 'false' } },
    `${t.weights_total}: `, el('strong', {}, `${sum} %`),
    weights.length && sum !== 100 ? el('span', { class: 'weights-warning' }, ` · ${t.weights_not_100_short}`) : null);

  root.replaceChildren(fields, blocksArea, total, renderOwnBlockForm(ctx));
  root.querySelectorAll('textarea').forEach((a) => {
    fitHeight(a);
    a.addEventListener('input', () => fitHeight(a));
  });
}

function clusterSelect(id, framework, selected, t) {
  return el('select', { id },
    framework.layers.map((layer) => el('optgroup', { label: t.layers?.[layer.id] ?? layer.title },
      framework.clusters.filter((c) => c.layer === layer.id)
        .map((c) => {
          const title = shownText(c.title_labels, c.title);
          return el('option', { value: c.id, selected: c.id === selected, lang: title.lang }, title.text);
        }))),
    selected ? null : el('option', { value: '', selected: true }, t.unplaced));
}

function renderBlock(block, siblings, ctx) {
  const { view, t } = ctx;
  const fn = view.function;
  const index = fn.blocks.findIndex((b) => b.id === block.id);
  const pos = siblings.indexOf(block);
  const headId = `bh-${block.id}`;
  const desc = { 'aria-describedby': headId };
  const title = block.title || t.no_title;

  const button = (label, key, edit, extra = {}) => el('button', {
    type: 'button', class: `small ${extra.class || ''}`, dataset: { key }, disabled: extra.disabled, ...desc,
    onclick: () => { if (extra.focus) ctx.focusAfter = extra.focus; ctx.edit(edit); },
  }, label);

  const titleKey = `btitle:${block.id}`;
  const titleInput = el('input', { id: `bt-${block.id}`, type: 'text', class: 'block-title-input', dataset: { key: titleKey }, value: ctx.saver.waiting(titleKey)?.title ?? block.title });
  titleInput.addEventListener('input', () => ctx.edit({ op: 'set_block', block: block.id, title: titleInput.value }, titleKey));

  const weightKey = `weight:${block.id}`;
  const waitingWeight = ctx.saver.waiting(weightKey);
  const weight = el('input', {
    id: `bw-${block.id}`, type: 'number', min: '0', max: '100', step: 'any', inputmode: 'decimal', class: 'weight-input',
    dataset: { key: weightKey }, value: waitingWeight ? (waitingWeight.weight ?? '') : (block.weight ?? ''),
  });
  // A value outside 0–100 (or not a number) is refused where it was typed, and the status says
  // nothing was saved: it is never dropped silently while the page says "Opgeslagen".
  const weightError = el('p', { class: 'field-error', id: `bw-err-${block.id}`, hidden: true }, t.weight_out_of_range);
  weight.setAttribute('aria-describedby', weightError.id);
  weight.addEventListener('input', () => {
    const refused = !weight.validity.valid;
    weightError.hidden = !refused;
    weight.setAttribute('aria-invalid', refused ? 'true' : 'false');
    if (refused) {
      ctx.setStatus('invalid');
      return;
    }
    ctx.edit({ op: 'set_block', block: block.id, weight: weight.value === '' ? null : Number(weight.value) }, weightKey);
  });

  const cluster = clusterSelect(`bc-${block.id}`, view.framework, block.cluster, t);
  cluster.dataset.key = `cluster:${block.id}`;
  cluster.addEventListener('change', () => {
    ctx.focusAfter = `cluster:${block.id}`;
    ctx.edit({ op: 'set_block', block: block.id, cluster: cluster.value });
  });

  const next = siblings[pos + 1];
  const prev = siblings[pos - 1];
  const indexOf = (b) => fn.blocks.findIndex((x) => x.id === b.id);
  const after = fn.blocks[index + 1] || fn.blocks[index - 1];

  const article = el('article', { class: 'fblock', id: `block-${block.id}`, dataset: { block: block.id }, 'aria-labelledby': headId },
    el('h5', { class: 'visually-hidden', id: headId }, title),
    el('div', { class: 'fblock-head' },
      el('div', { class: 'field block-title-field' }, el('label', { for: `bt-${block.id}` }, t.block_title), titleInput),
      el('div', { class: 'field weight-field' }, el('label', { for: `bw-${block.id}` }, t.weight), weight, weightError)),
    el('p', { class: 'provenance' }, provenance(block.source, view, t)),
    el('div', { class: 'fblock-tools' },
      el('div', { class: 'field cluster-field' }, el('label', { for: `bc-${block.id}` }, t.cluster), cluster),
      el('div', { class: 'buttons' },
        button(t.move_up, `up:${block.id}`, { op: 'move_block', block: block.id, to: prev ? indexOf(prev) : index }, { disabled: !prev }),
        button(t.move_down, `down:${block.id}`, { op: 'move_block', block: block.id, to: next ? indexOf(next) : index }, { disabled: !next }),
        el('button', {
          type: 'button', class: 'small danger', dataset: { key: `rmblock:${block.id}` }, ...desc,
          onclick: () => ctx.removeBlock(block, after ? `btitle:${after.id}` : 'blocks-heading'),
        }, t.remove_block))),
    renderItems(block, ctx, headId),
    renderAddItem(block, ctx, title),
    block.source ? renderSelect(block, ctx) : null);
  return article;
}

// The block's lines: what the job does, then (for a qualification's competence) what it needs
// to know as a list of its own. Up and down move a line among the lines of its own list.
function renderItems(block, ctx, headId) {
  const { t } = ctx;
  const isKnowledge = (item) => item.kind === 'knowledge';
  const activities = block.items.filter((i) => !isKnowledge(i));
  const knowledge = block.items.filter(isKnowledge);
  const indexOf = (item) => block.items.indexOf(item);
  const listOf = (group, cls) => {
    const list = el('ol', { class: cls });
    group.forEach((item, k) => {
      const i = indexOf(item);
      const prev = group[k - 1];
      const next = group[k + 1];
      list.append(renderItem(block, item, i, { prev, next, focusNext: next || prev }, ctx, headId));
    });
    return list;
  };
  return [
    listOf(activities, 'fitems'),
    knowledge.length ? el('p', { class: 'knowledge-label', id: `kn-${block.id}` }, t.knowledge_list) : null,
    knowledge.length ? listOf(knowledge, 'fitems knowledge-items') : null,
  ];
}

function renderItem(block, item, i, near, ctx, headId) {
  const { t } = ctx;
  const key = `reword:${item.id}`;
  const waiting = ctx.saver.waiting(key);
  const text = waiting ? (waiting.text ?? item.original) : itemText(item);
  const id = `item-${item.id}`;
  const area = el('textarea', { id, rows: 1, dataset: { key }, value: text, lang: 'nl' });
  area.addEventListener('input', () => {
    // Back to the exact original is no wording at all, so the item follows its source again.
    const value = area.value;
    const isOriginal = item.kind !== 'own' && value === item.original;
    ctx.edit({ op: 'reword', item: item.id, text: isOriginal ? null : value }, key);
  });
  const reworded = item.kind !== 'own' && item.wording != null && item.original;
  const desc = { 'aria-describedby': headId };
  const small = (label, k, edit, disabled, focus) => el('button', {
    type: 'button', class: 'small', dataset: { key: k }, disabled, ...desc,
    onclick: () => { if (focus) ctx.focusAfter = focus; ctx.edit(edit); },
  }, label);
  const at = (other) => block.items.indexOf(other);
  return el('li', { class: `fitem${reworded ? ' reworded' : ''}`, dataset: { item: item.id, kind: item.kind } },
    el('label', { for: id, class: 'visually-hidden' }, fmt(t.item_label, { n: i + 1, block: block.title || t.no_title })),
    area,
    reworded ? el('p', { class: 'original', lang: 'nl' },
      el('span', { class: 'original-label' }, `${t.original}: `),
      el('span', { class: 'original-text' }, item.original), ' ',
      small(t.revert, `revert:${item.id}`, { op: 'reword', item: item.id, text: null }, false, key)) : null,
    el('div', { class: 'buttons item-buttons' },
      small(t.move_up, `iup:${item.id}`, { op: 'move_item', item: item.id, to: near.prev ? at(near.prev) : i }, !near.prev),
      small(t.move_down, `idown:${item.id}`, { op: 'move_item', item: item.id, to: near.next ? at(near.next) : i }, !near.next),
      small(t.remove_item, `irm:${item.id}`, { op: 'remove_item', item: item.id }, false,
        near.focusNext ? `reword:${near.focusNext.id}` : `additem:${block.id}`)));
}

function renderAddItem(block, ctx, title) {
  const { t } = ctx;
  const id = `add-${block.id}`;
  const input = el('input', { id, type: 'text', dataset: { key: `additem:${block.id}` }, lang: 'nl', placeholder: t.add_item_placeholder });
  const add = () => {
    const text = input.value.trim();
    if (!text) return;
    ctx.focusAfter = `additem:${block.id}`;
    ctx.edit({ op: 'add_item', block: block.id, text });
  };
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
  return el('div', { class: 'add-item' },
    el('label', { for: id, class: 'visually-hidden' }, fmt(t.add_item_label, { block: title })),
    input,
    el('button', { type: 'button', class: 'small', dataset: { key: `addbtn:${block.id}` }, onclick: add }, t.add_item));
}

// The block's whole source, ticked where the function holds the statement: unticking drops
// it, ticking takes it again (op select).
function renderSelect(block, ctx) {
  const { t, kinds } = ctx;
  const statements = block.source.statements || [];
  const held = new Set(block.items.map((i) => i.source_position).filter((p) => p > 0));
  const details = el('details', { class: 'select-items', open: ctx.open.has(block.id) },
    el('summary', { dataset: { key: `select:${block.id}` } }, `${t.select_items} (${held.size}/${statements.length})`));
  details.addEventListener('toggle', () => {
    if (details.open) ctx.open.add(block.id); else ctx.open.delete(block.id);
  });
  const list = el('ul', { class: 'checklist', lang: 'nl' });
  statements.forEach((s, i) => {
    const pos = i + 1;
    const id = `sel-${block.id}-${pos}`;
    const box = el('input', { type: 'checkbox', id, checked: held.has(pos), dataset: { key: `sel:${block.id}:${pos}`, position: pos } });
    box.addEventListener('change', () => {
      const items = [...list.querySelectorAll('input:checked')].map((b) => Number(b.dataset.position));
      ctx.focusAfter = `sel:${block.id}:${pos}`;
      ctx.edit({ op: 'select', block: block.id, items });
    });
    list.append(el('li', { class: s.kind === 'sub_activity' ? 'sub' : '' },
      box, ' ', el('label', { for: id }, s.text, s.kind === 'knowledge' ? el('span', { class: 'kind' }, ` (${kinds.knowledge})`) : null)));
  });
  details.append(list);
  return details;
}

function renderOwnBlockForm(ctx) {
  const { t, view } = ctx;
  const title = el('input', { id: 'own-title', type: 'text', dataset: { key: 'own-title' } });
  const cluster = clusterSelect('own-cluster', view.framework, view.framework.clusters[0]?.id, t);
  const form = el('form', { class: 'own-block', id: 'own-block' },
    el('fieldset', {},
      el('legend', {}, t.own_block),
      el('div', { class: 'field-row' },
        el('div', { class: 'field' }, el('label', { for: 'own-title' }, t.own_block_title), title),
        el('div', { class: 'field' }, el('label', { for: 'own-cluster' }, t.cluster), cluster),
        el('button', { type: 'submit', dataset: { key: 'own-add' } }, t.add))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!title.value.trim()) { title.focus(); return; }
    ctx.focusAfter = 'own-title';
    ctx.edit({ op: 'add_own_block', title: title.value.trim(), cluster: cluster.value });
  });
  return form;
}
