// Small helpers shared by the composer modules: building DOM without innerHTML (every text
// comes from users or sources, so it must never be parsed as markup), texts, and JSON calls.

/** el('button', {type: 'button', class: 'x', onclick}, 'text', child…) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'value') node.value = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/**
 * The reader's language, which framework labels are shown in (<body data-label-lang>): it may
 * be one the interface has no words in (French), so it is not always the page's lang.
 */
export function labelLang(doc = document) {
  return doc.body?.dataset.labelLang || doc.documentElement.lang;
}

/**
 * A framework text as the page shows it, as the server's model::shown_text does: the label in
 * the reader's language where the API gave one (a `*_labels` field), the Dutch otherwise;
 * {text, lang} for the element's text and lang attribute.
 */
export function shownText(labels, dutch, lang = labelLang()) {
  const label = labels?.[lang];
  return label == null ? { text: dutch, lang: 'nl' } : { text: label, lang };
}

/** The JSON the server embedded in <script type="application/json" id="…">. */
export function embedded(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

/**
 * fmt's pieces for el(): the text's own words as strings, each {name} as its value, which may
 * be a node (a framework text in a span with its own lang inside a sentence of the page's).
 */
export function fmtParts(text, vars = {}) {
  return String(text ?? '').split(/(\{\w+\})/).filter((p) => p !== '').map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name && name in vars ? vars[name] : piece;
  });
}

/** "Regel {n} van {block}" with {n: 3, block: "…"} filled in. */
export function fmt(text, vars = {}) {
  return String(text ?? '').replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

/** The page's CSRF token (a meta tag on pages of a signed-in user), or ''. */
export function csrfToken(doc = document) {
  return doc.querySelector('meta[name="csrf-token"]')?.content || '';
}

/** A JSON request; resolves to {status, body} for every HTTP answer (problem JSON included). */
export async function request(method, url, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  // The session's CSRF token: the server refuses a signed-in write without it.
  const csrf = csrfToken();
  if (csrf && method !== 'GET') init.headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text }; }
  return { status: res.status, body: json };
}

/** GET that fails loudly: for data the page cannot do without. */
export async function getJson(url) {
  const { status, body } = await request('GET', url);
  if (status !== 200) throw new Error(body?.detail || `GET ${url}: ${status}`);
  return body;
}


