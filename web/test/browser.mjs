// The dashboard in a real browser: Debian's Chromium driven by puppeteer-core (no browser is
// downloaded). Run by tests/web/browser.sh against a running `dyad serve`:
//
//   node web/test/browser.mjs URL SCREENSHOT_DIR PDF
//
// Loads the dashboard, picks a dyad and sees the chart and the chronology rows, opens a document
// and clicks an event to see its evidence, corrects events in the review queue and sees the
// corrections through the API, uploads a PDF and sees its events, switches the language. Saves a
// screenshot of each view. Any page error or refused resource (a CSP violation) fails the test.
import puppeteer from 'puppeteer-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [url, shots, pdf] = process.argv.slice(2);
if (!url || !shots || !pdf) {
  console.error('usage: browser.mjs URL SCREENSHOT_DIR PDF');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
let failed = 0;
function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: ${detail}`}`);
  if (!ok) failed = 1;
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--lang=ko-KR'],
});
const problems = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1360, height: 900 });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  const api = (path, init) => page.evaluate(async (p, i) => {
    const r = await fetch(p, i);
    return { status: r.status, body: await r.json() };
  }, path, init);
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });

  // 1. Dyads: the series chart of two dyads and the chronology of the first.
  await page.goto(`${url}#dyads`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#series-chart[data-ready="2"] svg path', { timeout: 15000 });
  const lines = await page.$$eval('#series-chart svg path', (ps) => ps.length);
  check('the series chart draws its lines', lines > 4, `${lines} paths`);
  await page.waitForSelector('#chronology[data-rows]');
  const rows = await page.$$eval('#chronology tbody tr', (r) => r.map((x) => x.textContent));
  check('the chronology rows of PRK–RUS', rows.length > 10 && rows.some((r) => r.includes('푸틴')),
    rows.slice(0, 3).join(' | '));
  // Another dyad, by year: the form drives the chart.
  await page.$eval('#dyad-form select[name=by]', (s) => { s.value = 'year'; });
  await page.click('#dyad-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#series-chart svg text')?.closest('svg')
    && [...document.querySelectorAll('#series-chart svg text')].some((t) => t.textContent === '2023'));
  check('the period can be changed', true);
  await shot('dyads');

  // 2. The document reader: click an event, see its code, sides and mentions.
  const docs = await api('/api/v1/documents');
  const brief = docs.body.documents.find((d) => d.path.includes('brief-2024-dprk-russia'));
  check('the brief is stored', !!brief, JSON.stringify(docs.body).slice(0, 200));
  await page.goto(`${url}#documents/${brief.id}`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#doc-text mark');
  const marks = await page.$$eval('#doc-text mark', (m) => m.length);
  check('the text has its events highlighted', marks > 5, `${marks} marks`);
  await page.click('#doc-text mark');
  await page.waitForSelector('#event-detail h3');
  const detail = await page.$eval('#doc-event', (d) => d.textContent);
  check('a click shows the event with its mentions', /→/.test(detail) && /언급|Mentions/.test(detail), detail.slice(0, 200));
  await shot('document');

  // 3. The review queue: accept one event and correct another's code, as analyst "kim".
  await page.goto(`${url}#review`, { waitUntil: 'networkidle0' });
  await page.type('#who', 'kim');
  await page.$eval('#who', (w) => w.dispatchEvent(new Event('change')));
  await page.waitForSelector('#review-events tbody tr');
  const first = await page.$eval('#review-events tbody tr', (r) => r.dataset.id);
  await page.click(`#review-events tr[data-id="${first}"] button[data-action=accept]`);
  await page.waitForFunction((id) => !document.querySelector(`#review-events tr[data-id="${id}"]`), {}, first);
  const second = await page.$eval('#review-events tbody tr', (r) => r.dataset.id);
  await page.click(`#review-events tr[data-id="${second}"] button[data-action=edit]`);
  await page.waitForSelector('.edit-row input[name=code]');
  await page.$eval('.edit-row input[name=code]', (i) => { i.value = ''; });
  await page.type('.edit-row input[name=code]', '043');
  await page.click('.edit-row button[type=submit]');
  await page.waitForFunction((id) => !document.querySelector(`#review-events tr[data-id="${id}"]`), {}, second);
  const corrections = await api('/api/v1/corrections');
  const byEvent = Object.fromEntries(corrections.body.corrections.map((c) => [c.event_id, c]));
  check('the acceptance is recorded through the API', byEvent[first]?.kind === 'accept' && byEvent[first]?.who === 'kim',
    JSON.stringify(corrections.body).slice(0, 300));
  check('the correction is recorded with its new code', byEvent[second]?.kind === 'edit' && byEvent[second]?.event?.code === '043',
    JSON.stringify(byEvent[second] || {}).slice(0, 300));
  await shot('review');

  // 4. The network and a triangle.
  await page.goto(`${url}#network`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#network-graph[data-ready] canvas');
  const states = await page.$$eval('#network-nodes tbody tr', (r) => r.length);
  check('the network lists its states with their blocs', states >= 5, `${states} states`);
  await page.click('#network-edges tbody tr');
  await page.waitForSelector('#edge-evidence li');
  const behind = await page.$$eval('#edge-evidence li', (l) => l.map((x) => x.textContent));
  check('an edge shows the events behind it', behind.length > 0 && /→/.test(behind[0]), behind.join(' | '));
  await page.waitForSelector('#triangle p');
  const tri = await page.$eval('#triangle p', (p) => p.textContent);
  check('the triangle names its balance and weakest link', /USA–KOR–JPN/.test(tri), tri);
  await shot('network');

  // 5. Burden sharing: the status table and the chart.
  await page.goto(`${url}#burden`, { waitUntil: 'networkidle0' });
  await page.waitForSelector('#burden-status tbody tr');
  const allies = await page.$$eval('#burden-status tbody tr', (r) => r.length);
  check('the burden status lists the allies', allies >= 30, `${allies} rows`);
  const loaded = await page.waitForFunction(() => {
    const i = document.querySelector('#burden-chart img');
    return i && i.complete && i.naturalWidth > 0;
  }, { timeout: 10000 }).then(() => true, () => false);
  check('the burden chart loads', loaded);
  await shot('burden');

  // 6. Upload a PDF and see its events.
  await page.goto(`${url}#upload`, { waitUntil: 'networkidle0' });
  const input = await page.$('#upload-file');
  await input.uploadFile(pdf);
  await page.click('#upload-form button[type=submit]');
  await page.waitForSelector('#upload-result[data-events]', { timeout: 30000 });
  const found = await page.$eval('#upload-result', (d) => Number(d.dataset.events));
  check('the uploaded PDF is coded and its events shown', found > 0, `${found} events`);
  await shot('upload');

  // 7. The interface in English.
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#tabs button')?.textContent === 'Dyads');
  check('the interface switches to English', true);
  await shot('upload-en');

  check('no page error, no refused resource', problems.length === 0, problems.join('\n'));
} catch (e) {
  check('the browser test ran through', false, e.stack || String(e));
} finally {
  await browser.close();
}
process.exit(failed);
