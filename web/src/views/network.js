// The alignment network (blocs coloured, conflict dashed; click an edge for the events behind
// it), a triangle, and who votes with whom at the UN.
import cytoscape from 'cytoscape';
import { get } from '../api.js';
import { el, eventLine, num, sayError, table } from '../dom.js';
import { t } from '../i18n.js';

const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

export function render(root) {
  const from = el('input', { name: 'from', size: 10, placeholder: '2017' });
  const to = el('input', { name: 'to', size: 10, placeholder: '2024' });
  const min = el('input', { name: 'min_events', size: 4, value: '3', type: 'number', min: '1' });
  const graph = el('div', { class: 'graph', id: 'network-graph' });
  const side = el('div', { class: 'panel', id: 'edge-panel' }, el('p', { class: 'muted' }, t('evidence')));
  const nodes = el('div', { id: 'network-nodes' });
  const form = el('form', { class: 'bar' }, el('label', {}, t('from'), from),
    el('label', {}, t('to'), to), el('label', {}, t('min_events'), min),
    el('button', { class: 'primary', type: 'submit' }, t('show')));
  const tri = ['USA', 'KOR', 'JPN'].map((s, i) =>
    el('input', { name: `s${i}`, value: s, size: 6, 'aria-label': t('states') }));
  const triOut = el('div', { id: 'triangle' });
  const triForm = el('form', { class: 'bar' }, tri, el('button', { class: 'primary', type: 'submit' }, t('show')));
  const withState = el('input', { name: 'with', value: 'RUS', size: 6 });
  const ungaOut = el('div', { id: 'unga' });
  const ungaForm = el('form', { class: 'bar' }, el('label', {}, t('with'), withState),
    el('button', { class: 'primary', type: 'submit' }, t('show')));
  const edgesOut = el('div', { class: 'panel' });
  root.append(form, el('div', { class: 'two' }, graph, side), el('div', { class: 'two' }, nodes, edgesOut),
    el('h2', {}, t('triangle')), triForm, triOut, el('h2', {}, t('unga')), ungaForm, ungaOut);
  let cy;

  async function showEdge(edge) {
    side.replaceChildren(el('h3', {}, `${edge.a}–${edge.b}`),
      el('p', {}, `${t('weight')} ${num(edge.weight)} · ${t('trend')} ${num(edge.trend)} · ${edge.events} ${t('events')}`));
    const list = el('ul', { class: 'plain', id: 'edge-evidence' });
    side.append(list);
    for (const id of edge.evidence) {
      try {
        const e = await get(`/events/${encodeURIComponent(id)}`);
        list.append(el('li', {}, eventLine(e)));
      } catch (err) {
        sayError(err);
      }
    }
  }

  async function show(ev) {
    ev?.preventDefault();
    try {
      const n = await get('/network', { from: from.value, to: to.value, min_events: min.value, evidence: 3 });
      cy?.destroy();
      cy = cytoscape({
        container: graph,
        elements: [
          ...n.nodes.map((v) => ({ data: { id: v.state, bloc: v.bloc } })),
          ...n.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.a, target: e.b, w: Math.abs(e.weight),
            sign: e.weight > 0 ? 'coop' : 'confl', edge: e } })),
        ],
        layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: 9000 },
        style: [
          { selector: 'node', style: { label: 'data(id)', 'text-valign': 'center', color: '#fff',
            'font-size': 11, width: 38, height: 38,
            'background-color': (node) => PALETTE[(node.data('bloc') - 1) % PALETTE.length] } },
          { selector: 'edge', style: { width: (e) => 1 + Math.min(8, e.data('w') / 10),
            'line-color': (e) => (e.data('sign') === 'coop' ? '#009E73' : '#D55E00'),
            'line-style': (e) => (e.data('sign') === 'coop' ? 'solid' : 'dashed'), opacity: 0.8 } },
          { selector: 'edge:selected', style: { 'line-color': '#000' } },
        ],
      });
      cy.on('tap', 'edge', (e) => showEdge(e.target.data('edge')));
      graph.dataset.ready = String(n.edges.length);
      // The edges as a table too: keyboard and screen-reader users click a row, not a line.
      const edgeRows = n.edges.map((e) => el('tr', { tabindex: '0', class: 'clickable',
        onclick: () => showEdge(e), onkeydown: (k) => { if (k.key === 'Enter') showEdge(e); } },
      el('td', {}, `${e.a}–${e.b}`), el('td', { class: 'num' }, e.events),
      el('td', { class: `num ${e.weight > 0 ? 'pos' : 'neg'}` }, num(e.weight)), el('td', { class: 'num' }, num(e.trend))));
      edgesOut.replaceChildren(el('table', { id: 'network-edges' },
        el('thead', {}, el('tr', {}, [t('edges'), t('events'), t('weight'), t('trend')].map((h, i) =>
          el('th', { class: i ? 'num' : undefined }, h)))),
        el('tbody', {}, edgeRows)));
      nodes.replaceChildren(el('p', { class: 'muted' },
        `${n.from} – ${n.to} · modularity ${num(n.modularity, 3)} · frustrated ${n.frustrated}`),
      table([t('states'), t('bloc'), t('edges'), '+', '−', t('betweenness')],
        n.nodes.map((v) => [v.state, v.bloc, v.degree, num(v.positive), num(v.negative), num(v.betweenness, 3)]),
        { numeric: [1, 2, 3, 4, 5] }));
    } catch (e) {
      sayError(e);
    }
  }

  async function showTriangle(ev) {
    ev?.preventDefault();
    try {
      const r = await get('/triangle', { states: tri.map((x) => x.value).join(','), from: from.value, to: to.value });
      const word = r.balance > 0 ? t('balanced') : r.balance < 0 ? t('unbalanced') : t('undetermined');
      const w = r.edges[r.weakest];
      triOut.replaceChildren(el('p', {}, `${r.states.join('–')}: ${word} · ${t('weakest')}: ${w.a}–${w.b}`),
        table([t('edges'), t('events'), t('weight'), t('trend')],
          r.edges.map((e) => [`${e.a}–${e.b}`, e.events, num(e.weight), num(e.trend)]), { numeric: [1, 2, 3] }),
        el('ul', { class: 'plain' }, r.evidence.map((e) => el('li', {}, eventLine(e)))));
    } catch (e) {
      sayError(e);
    }
  }

  async function showUnga(ev) {
    ev?.preventDefault();
    try {
      const r = await get('/unga/align', { with: withState.value, top: 15 });
      ungaOut.replaceChildren(table([t('states'), t('votes'), t('agreement')],
        r.states.map((x) => [x.b === r.with ? x.a : x.b, x.votes, num(x.index, 3)]), { numeric: [1, 2] }));
    } catch (e) {
      sayError(e);
    }
  }

  form.addEventListener('submit', show);
  triForm.addEventListener('submit', showTriangle);
  ungaForm.addEventListener('submit', showUnga);
  show();
  showTriangle();
  return () => cy?.destroy();
}
