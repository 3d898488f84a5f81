// The dashboard: one page, a view per tab, the state in the URL's hash (#dyads, #documents/3).
import { setLang, currentLang, t, translate } from './i18n.js';
import * as dyads from './views/dyads.js';
import * as network from './views/network.js';
import * as burden from './views/burden.js';
import * as documents from './views/documents.js';
import * as review from './views/review.js';
import * as upload from './views/upload.js';

const VIEWS = { dyads, network, burden, documents, review, upload };
let cleanup;

function route() {
  const [name, arg] = location.hash.slice(1).split('/');
  const view = VIEWS[name] ? name : 'dyads';
  for (const b of document.querySelectorAll('#tabs button'))
    b.setAttribute('aria-selected', String(b.dataset.view === view));
  const root = document.getElementById('view');
  cleanup?.();
  root.replaceChildren();
  root.dataset.view = view;
  cleanup = VIEWS[view].render(root, arg ? { doc: arg } : {});
}

function chrome() {
  const tabs = document.getElementById('tabs');
  tabs.replaceChildren(...Object.keys(VIEWS).map((v) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.view = v;
    b.textContent = t(v);
    b.addEventListener('click', () => { location.hash = v; });
    return b;
  }));
  document.getElementById('lang').textContent = currentLang() === 'ko' ? 'English' : '한국어';
  translate();
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(currentLang() === 'ko' ? 'en' : 'ko');
  chrome();
  route();
});
const who = document.getElementById('who');
who.value = localStorage.getItem('dyad.who') || '';
who.addEventListener('change', () => localStorage.setItem('dyad.who', who.value.trim()));
window.addEventListener('hashchange', route);
setLang(currentLang());
chrome();
route();
