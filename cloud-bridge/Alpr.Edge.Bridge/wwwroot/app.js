// Plain script, no framework. Every text from a device is inserted with textContent, never as HTML.
'use strict';

const refreshMs = 2000;
const purposeInput = document.getElementById('purpose');
const statusLine = document.getElementById('status');

purposeInput.value = sessionStorage.getItem('purpose') || '';
purposeInput.addEventListener('change', () => sessionStorage.setItem('purpose', purposeInput.value.trim()));

async function getJson(path) {
  const headers = { 'Accept': 'application/json' };
  const purpose = purposeInput.value.trim();
  if (purpose) {
    headers['X-Purpose'] = purpose;
  }
  const response = await fetch(path, { headers, cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`${path}: HTTP ${response.status}`);
  }
  return response.json();
}

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

refresh();
