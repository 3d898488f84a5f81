// The document reader: the text with every coded event highlighted; a click shows the event's
// code, sides, date and every telling.
import { get } from '../api.js';
import { el, sayError } from '../dom.js';
import { t } from '../i18n.js';

// The text cut at every span boundary (spans are byte offsets into the UTF-8 text): pieces, each
// with the events that cover it.
export function pieces(text, events) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  const cuts = new Set([0, bytes.length]);
  events.forEach((e) => e.spans.forEach(([b, f]) => { cuts.add(b); cuts.add(f); }));
  const points = [...cuts].filter((x) => x >= 0 && x <= bytes.length).sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; ++i) {
    const [b, f] = [points[i], points[i + 1]];
    const covering = events.filter((e) => e.spans.some(([s, u]) => s <= b && f <= u));
    out.push({ text: decoder.decode(bytes.subarray(b, f)), events: covering });
  }
  return out;
}

function eventPanel(e) {
  return el('div', { id: 'event-detail' },
    el('h3', {}, `${e.code} · ${e.source} → ${e.target}`),
    el('p', {}, `${t('date')}: ${e.date}${e.date_end !== e.date ? ` ~ ${e.date_end}` : ''} · ${t('goldstein')} ${e.goldstein} · ${t('mode')} ${e.mode}`),
    el('p', {}, e.action_ko ? `${e.source_label_ko || e.source_name} ${e.action_ko}` : ''),
    el('p', {}, e.action_en ? `${e.source_label_en || e.source_name} ${e.action_en}` : ''),
    el('h4', {}, `${t('mentions')} (${e.mentions.length})`),
    el('ul', { class: 'plain' }, e.mentions.map((m) => el('li', {}, `${m.doc} [${m.span[0]}–${m.span[1]}] ${m.date || ''}`))),
    el('p', { class: 'muted' }, e.id || ''));
}

export function render(root, state) {
  const list = el('ul', { class: 'plain', id: 'doc-list' });
  const reader = el('div', { class: 'panel doc-text', id: 'doc-text' }, t('select_event'));
  const detail = el('div', { class: 'panel', id: 'doc-event' }, el('p', { class: 'muted' }, t('select_event')));
  root.append(el('div', { class: 'two' },
    el('div', {}, el('h2', {}, t('doc_list')), list, reader), detail));

  async function open(id) {
    try {
      const d = await get(`/documents/${id}`);
      const marks = pieces(d.text, d.events).map((p) => {
        if (!p.events.length) return p.text;
        const m = el('mark', { dataset: { events: p.events.map((e) => e.id).join(' ') },
          class: p.events.some((e) => e.review) ? 'reviewed' : undefined }, p.text);
        m.addEventListener('click', () => {
          reader.querySelectorAll('mark.selected').forEach((x) => x.classList.remove('selected'));
          m.classList.add('selected');
          detail.replaceChildren(...p.events.map(eventPanel));
        });
        return m;
      });
      reader.replaceChildren(el('h3', {}, d.path), ...marks);
      reader.dataset.doc = String(id);
    } catch (e) {
      sayError(e);
    }
  }

  get('/documents').then((r) => {
    list.replaceChildren(...r.documents.map((d) =>
      el('li', { dataset: { id: d.id }, onclick: () => open(d.id) }, `${d.id}. ${d.path}`)));
    if (state.doc) open(state.doc);
  }).catch(sayError);
}
