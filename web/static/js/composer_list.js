// The list of functions: the "new function" form is sent as JSON to POST /api/functions (the
// API takes JSON only), then the composer of the new function opens.
import { embedded, request } from './composer_util.js';

const form = document.getElementById('new-function');
if (form) {
  const t = embedded('function-texts') || {};
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
      const id = res.body.function.id;
      const lang = form.dataset.lang === 'en' ? '?lang=en' : '';
      window.location.assign(`/functions/${encodeURIComponent(id)}${lang}`);
    } catch (err) {
      status.textContent = `${t.error}: ${err.message}`;
      button.disabled = false;
    }
  });
}
