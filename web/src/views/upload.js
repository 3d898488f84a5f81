// Upload a PDF, text, DOCX or HTML file: it is coded and stored, and its events shown.
import { postFile } from '../api.js';
import { el, say, sayError, table } from '../dom.js';
import { t } from '../i18n.js';

export function render(root) {
  const file = el('input', { type: 'file', id: 'upload-file',
    accept: '.pdf,.txt,.md,.docx,.hwpx,.html,.htm,.xml,.json' });
  const year = el('input', { name: 'year', size: 6, placeholder: '2024' });
  const out = el('div', { id: 'upload-result' });
  const form = el('form', { class: 'bar', id: 'upload-form' }, el('label', {}, t('file'), file),
    el('label', {}, t('year'), year), el('button', { class: 'primary', type: 'submit' }, t('send')));
  root.append(form, out);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = file.files[0];
    if (!f) return;
    try {
      const r = await postFile('/upload', { name: f.name, year: year.value }, f);
      say(r.already_present ? t('already') : `${t('uploaded')}: ${f.name}`);
      out.replaceChildren(
        el('p', {}, `#${r.document_id} · ${r.events.length} ${t('events')} · ${t('uncoded')}: ${r.uncoded}`),
        r.events.length
          ? table([t('date'), t('source'), t('target'), t('code'), t('evidence')],
            r.events.map((e) => [e.date, e.source, e.target, e.code, e.evidence]))
          : el('p', {}, t('no_events')));
      out.dataset.events = String(r.events.length);
    } catch (e) {
      sayError(e);
    }
  });
}
