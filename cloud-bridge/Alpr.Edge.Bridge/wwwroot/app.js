// Plain script, no framework. Every text from a device is inserted with textContent, never as HTML.
'use strict';

const refreshMs = 2000;
const purposeInput = document.getElementById('purpose');
const caseInput = document.getElementById('case');
const statusLine = document.getElementById('status');

caseInput.value = sessionStorage.getItem('case') || '';
purposeInput.addEventListener('change', () => sessionStorage.setItem('purpose', purposeInput.value));
caseInput.addEventListener('change', () => sessionStorage.setItem('case', caseInput.value.trim()));

// The configured purposes, from the bridge; the choice is kept for the browser tab.
async function loadPurposes() {
  const response = await fetch('/api/purposes', { cache: 'no-store', credentials: 'same-origin' });
  if (!response.ok) {
    return;
  }
  const chosen = sessionStorage.getItem('purpose') || purposeInput.value;
  purposeInput.replaceChildren(new Option('choose a purpose…', ''));
  for (const purpose of await response.json()) {
    const label = purpose.requiresCase ? `${purpose.name} (case number required)` : purpose.name;
    purposeInput.append(new Option(label, purpose.name, false, purpose.name === chosen));
  }
}

async function getJson(path) {
  const headers = { 'Accept': 'application/json' };
  const purpose = purposeInput.value;
  if (!purpose) {
    throw new Error('choose the purpose of this access first');
  }
  headers['X-Purpose'] = purpose;
  const caseNumber = caseInput.value.trim();
  if (caseNumber) {
    headers['X-Case'] = caseNumber;
  }
  const response = await fetch(path, { headers, cache: 'no-store', credentials: 'same-origin' });
  if (response.status === 401) {
    showSignIn();
    throw new Error('signed out');
  }
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try {
      detail = (await response.json()).detail || detail;
    } catch {
      // not JSON: keep the status
    }
    throw new Error(`${path}: ${detail}`);
  }
  return response.json();
}

let csrfToken = '';
let refreshing = false;

async function refreshAntiforgery() {
  const response = await fetch('/api/auth/antiforgery', { cache: 'no-store', credentials: 'same-origin' });
  csrfToken = (await response.json()).token;
}

async function postJson(path, body) {
  return fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrfToken },
    body: JSON.stringify(body),
    cache: 'no-store',
    credentials: 'same-origin',
  });
}

async function problemOf(response) {
  try {
    return (await response.json()).detail || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

const signInSection = document.getElementById('sign-in-section');
const signInForm = document.getElementById('sign-in-form');
const codeForm = document.getElementById('code-form');
const signInError = document.getElementById('sign-in-error');

function showSignIn() {
  document.getElementById('data').hidden = true;
  document.getElementById('password-form').hidden = true;
  document.getElementById('signed-in').hidden = true;
  signInSection.hidden = false;
  signInForm.hidden = false;
  codeForm.hidden = true;
}

function showSignedIn(me) {
  signInSection.hidden = true;
  document.getElementById('signed-in').hidden = false;
  document.getElementById('who').textContent = `${me.userName} (${me.agency})`;
  document.getElementById('roles').textContent = me.roles.length ? me.roles.join(', ') : 'no roles';
  document.getElementById('data').hidden = false;
  document.getElementById('password-form').hidden = !(me.dataRefused || '').includes('one-time password');
  if (me.dataRefused) {
    statusLine.textContent = `data refused: ${me.dataRefused}`;
    statusLine.className = 'error';
    return;
  }
  if (!refreshing) {
    refreshing = true;
    refresh();
  }
}

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  signInError.textContent = '';
  await refreshAntiforgery();
  const response = await postJson('/api/auth/sign-in', {
    userName: document.getElementById('user-name').value,
    password: document.getElementById('password').value,
  });
  if (!response.ok) {
    signInError.textContent = await problemOf(response);
    return;
  }
  const progress = await response.json();
  document.getElementById('enrol').hidden = progress.next !== 'enrol';
  document.getElementById('enrol-uri').textContent = progress.otpAuthUri || '';
  signInForm.hidden = true;
  codeForm.hidden = false;
});

codeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  signInError.textContent = '';
  const response = await postJson('/api/auth/code', { code: document.getElementById('code').value.trim() });
  if (!response.ok) {
    signInError.textContent = await problemOf(response);
    return;
  }
  document.getElementById('password').value = '';
  document.getElementById('code').value = '';
  await refreshAntiforgery();
  await loadPurposes();
  showSignedIn(await response.json());
});

document.getElementById('password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const passwordError = document.getElementById('password-error');
  passwordError.textContent = '';
  const response = await postJson('/api/auth/password', {
    currentPassword: document.getElementById('current-password').value,
    newPassword: document.getElementById('new-password').value,
  });
  if (!response.ok) {
    passwordError.textContent = await problemOf(response);
    return;
  }
  document.getElementById('current-password').value = '';
  document.getElementById('new-password').value = '';
  await start();
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await postJson('/api/auth/sign-out', {});
  window.location.reload();
});

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function time(iso) {
  return new Date(iso).toISOString().replace('.000Z', 'Z');
}

function badge(verification) {
  const span = document.createElement('span');
  const state = (verification || 'Unverified').toLowerCase();
  span.className = `badge ${state}`;
  span.textContent = state === 'unverified'
    ? 'UNVERIFIED — verify through CLETS before any action'
    : state.toUpperCase();
  return span;
}

function renderHits(hits) {
  const body = document.getElementById('hits');
  body.replaceChildren(...hits.map(({ hit }) => {
    const row = document.createElement('tr');
    cell(row, time(hit.read.capturedAt));
    cell(row, `${hit.read.deviceId}/${hit.read.camera}`);
    cell(row, hit.read.plate, 'plate');
    cell(row, `${hit.listName} / ${hit.category}`);
    cell(row, `${hit.matchKind} (entry ${hit.entryPlate})`);
    cell(row, '').appendChild(badge(hit.verification));
    return row;
  }));
}

function renderReads(reads) {
  const body = document.getElementById('reads');
  body.replaceChildren(...reads.map(({ read }) => {
    const row = document.createElement('tr');
    cell(row, time(read.capturedAt));
    cell(row, `${read.deviceId}/${read.camera}`);
    cell(row, read.plate, 'plate');
    cell(row, read.confidence.toFixed(2));
    return row;
  }));
}

async function refresh() {
  if (document.getElementById('data').hidden) {
    refreshing = false;
    return;
  }
  try {
    const [hits, reads] = await Promise.all([getJson('/api/hits?limit=50'), getJson('/api/reads?limit=100')]);
    renderHits(hits);
    renderReads(reads);
    statusLine.textContent = `updated ${new Date().toLocaleTimeString()}`;
    statusLine.className = '';
  } catch (error) {
    statusLine.textContent = `could not refresh: ${error.message}`;
    statusLine.className = 'error';
  } finally {
    setTimeout(refresh, refreshMs);
  }
}

async function start() {
  const response = await fetch('/api/auth/me', { cache: 'no-store', credentials: 'same-origin' });
  if (response.ok) {
    await refreshAntiforgery();
    await loadPurposes();
    showSignedIn(await response.json());
  } else {
    showSignIn();
  }
}

start();
