// Small DOM helpers: every text goes in through textContent, never as markup.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function table(headers, rows, { numeric = [] } = {}) {
  return el('table', {},
    el('thead', {}, el('tr', {}, headers.map((h, i) =>
      el('th', { class: numeric.includes(i) ? 'num' : undefined }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) =>
      c instanceof Node ? el('td', {}, c)
        : el('td', { class: numeric.includes(i) ? 'num' : undefined }, c ?? ''))))));
}

export function num(x, digits = 1) {
  return typeof x === 'number' ? x.toFixed(digits) : '';
}

let statusTimer;
export function say(message, { error = false } = {}) {
  const s = document.getElementById('status');
  s.textContent = message;
  s.style.color = error ? 'var(--confl)' : 'var(--coop)';
  clearTimeout(statusTimer);
  if (!error) statusTimer = setTimeout(() => { s.textContent = ''; }, 4000);
}

export function sayError(e) {
  say(e.parameter ? `${e.message}` : String(e.message || e), { error: true });
}

// One event as a line: date, sides, code, the words.
export function eventLine(e) {
  return `${e.date} ${e.source}→${e.target} ${e.code} ${e.evidence || ''}`;
}
