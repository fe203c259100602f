// Crosswalk decisions without a page load: the confirm / reject / undo buttons of each
// alignment are a plain <form method=post action=/crosswalks/decide> (which works without
// JavaScript and comes back to the page); here they post JSON to /api/crosswalks/decisions
// instead and update the item in place. Which status and buttons show follows data-status on the
// item (crosswalk.css), so only that attribute and the "by …" text change. The name typed in the
// author field is kept in localStorage and sent with every decision.
const AUTHOR_KEY = 'vakkaart.author'; // the composer's too: one name per browser

function storedAuthor() {
  try { return localStorage.getItem(AUTHOR_KEY) || ''; } catch { return ''; }
}

function keepAuthor(name) {
  try { localStorage.setItem(AUTHOR_KEY, name); } catch { /* private mode: not kept */ }
}

export function enhanceCrosswalks(doc = document) {
  if (!doc.querySelector('form.crosswalk-decide')) return;
  const author = doc.querySelector('[data-crosswalk-author]');
  const message = doc.querySelector('[data-crosswalk-message]');
  if (author) {
    author.value = storedAuthor();
    author.closest('.crosswalk-author').hidden = false;
    author.addEventListener('change', () => keepAuthor(author.value.trim()));
  }
  const say = (text) => { if (message) message.textContent = text; };
  const text = (key, fallback) => (message && message.dataset[key]) || fallback;

  doc.addEventListener('submit', async (event) => {
    const form = event.target.closest && event.target.closest('form.crosswalk-decide');
    const button = event.submitter;
    if (!form || !button || button.name !== 'decision') return;
    event.preventDefault();
    const item = form.closest('.crosswalk-item');
    if (item.getAttribute('aria-busy') === 'true') return;
    item.setAttribute('aria-busy', 'true');
    const name = author ? author.value.trim() : '';
    if (author) keepAuthor(name);
    try {
      const res = await fetch('/api/crosswalks/decisions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          source: form.elements.source.value,
          target: form.elements.target.value,
          decision: button.value,
          author: name,
        }),
      });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) throw new Error(body.detail || `${res.status}`);
      const key = body.status === 'computed' ? 'savedNone' : `saved${body.status[0].toUpperCase()}${body.status.slice(1)}`;
      if (body.status === 'computed' && !body.computed) {
        // Kept only for the decision; without it the pair is gone.
        const list = item.parentElement;
        item.remove();
        say(text(key, body.status));
        if (list && !list.children.length) list.remove();
        return;
      }
      item.dataset.status = body.status;
      const by = item.querySelector('.crosswalk-decided-by');
      if (by) {
        by.textContent = body.status !== 'computed' && body.decided_by
          ? `${text('by', 'by')} ${body.decided_by}` : '';
      }
      say(text(key, body.status));
      // The pressed button is hidden now; keep the keyboard in the item.
      const visible = [...form.querySelectorAll('button')].find((b) => b.offsetParent !== null);
      if (visible) visible.focus();
    } catch (err) {
      say(`${text('failed', 'Not saved')}: ${err.message}`);
    } finally {
      item.removeAttribute('aria-busy');
    }
  });
}

enhanceCrosswalks();
