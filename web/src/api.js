// Calls dyad serve's API (docs/api.md). Errors carry the server's message and the parameter it
// names; the page shows them in the status line.
export class ApiError extends Error {
  constructor(status, message, parameter) {
    super(message);
    this.status = status;
    this.parameter = parameter;
  }
}

async function answer(r) {
  const type = r.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    if (!r.ok) throw new ApiError(r.status, `${r.status} ${r.statusText}`);
    return r.text();
  }
  const j = await r.json();
  if (!r.ok) throw new ApiError(r.status, j.error || `${r.status}`, j.parameter);
  return j;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function get(path, params = {}) {
  return answer(await fetch(`/api/v1${path}${query(params)}`, { credentials: 'same-origin' }));
}

export async function postJson(path, body) {
  return answer(await fetch(`/api/v1${path}`, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  }));
}

export async function postFile(path, params, file) {
  return answer(await fetch(`/api/v1${path}${query(params)}`, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': file.type || 'application/octet-stream' }, body: file,
  }));
}
