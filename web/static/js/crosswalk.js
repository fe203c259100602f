// Crosswalk decisions without a page load: the confirm / reject / undo buttons of each
// alignment are a plain <form method=post action=/crosswalks/decide> (which works without
// JavaScript and comes back to the page); here they post JSON to /api/crosswalks/decisions
// instead and update the item in place. Which status and buttons show follows data-status on the
// item (crosswalk.css), so only that attribute and the "by …" text change. The decision names
// the signed-in curator (the server knows them from the session); the request carries the
// session's CSRF token.
function csrfToken() {
  return document.querySelector('meta[name="csrf-token"]')?.content || '';
}

export function enhanceCrosswalks(doc = document) {
  if (!doc.querySelector('form.crosswalk-decide')) return;
  const message = doc.querySelector('[data-crosswalk-message]');
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
    try {
      const res = await fetch('/api/crosswalks/decisions', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
        body: JSON.stringify({
          source: form.elements.source.value,
          target: form.elements.target.value,
          decision: button.value,
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
