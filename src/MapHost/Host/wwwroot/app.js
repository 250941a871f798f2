// GeoPrevention map host front end. Talks only to this host's /api (no CDN, no tiles, no web fonts).
/* global L */

const nf = (decimals) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
const intFmt = new Intl.NumberFormat('de-DE');
const $ = (id) => document.getElementById(id);

const STATUS_TEXT = {
  suppressed: 'geheim (Datenschutz)',
  minpop: 'zu wenige Einwohner',
  nodata: 'keine Daten',
  unreliable: 'unsicher (kleine Fallzahl)',
};
const GOAL_TEXT = { onTrack: 'auf Kurs', atRisk: 'gefährdet', offTrack: 'nicht auf Kurs', uncertain: 'unsicher', notPublishable: 'nicht veröffentlichbar' };
const GOAL_COLOR = { onTrack: '#1a9641', atRisk: '#fdae61', offTrack: '#d7191c', uncertain: '#bababa', notPublishable: '#ffffff' };

const state = {
  atlas: null, layer: null, indicator: null, year: null, method: 'quantile', classes: 5,
  view: 'values', area: null, geo: {}, values: null, selected: null, playing: null,
};

let map;
let geoLayer;
let outlineLayer;

async function api(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    throw new Error(`${response.status}: ${detail}`);
  }
  return response.json();
}

function setStatus(text) { $('status').textContent = text; }

function indicatorMeta(id = state.indicator) { return state.atlas.indicators.find((i) => i.id === id); }

function formatValue(v, meta) {
  if (v === null || v === undefined) return '–';
  return `${nf(meta.decimals ?? 1).format(v)}${meta.unit ? ` ${meta.unit}` : ''}`;
}

function initControls() {
  const a = state.atlas;
  $('atlas-title').textContent = a.title;
  document.title = `${a.title} – GeoPrevention`;
  $('demo-badge').hidden = !a.demo;
  $('footer').textContent = a.attribution || '';

  const indicatorSelect = $('indicator');
  const themes = [...new Set(a.indicators.map((i) => i.theme || 'Weitere'))];
  for (const theme of themes) {
    const group = document.createElement('optgroup');
    group.label = theme;
    for (const i of a.indicators.filter((x) => (x.theme || 'Weitere') === theme)) {
      group.append(new Option(i.shortLabel || i.label, i.id));
    }
    indicatorSelect.append(group);
  }
  state.indicator = a.indicators[0].id;
  indicatorSelect.value = state.indicator;

  const year = $('year');
  year.min = a.years[0];
  year.max = a.years[a.years.length - 1];
  state.year = a.years[a.years.length - 1];
  year.value = state.year;
  $('year-label').textContent = state.year;

  for (const l of a.layers) $('layer').append(new Option(l.label, l.id));
  state.layer = a.defaultLayer;
  $('layer').value = state.layer;

  for (const m of a.classifications) $('method').append(new Option(m.label, m.id));
  state.method = a.defaultClassification;
  $('method').value = state.method;
  state.classes = a.defaultClasses;
  $('classes').value = String(state.classes);

  for (const area of a.areas) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = area.label;
    b.dataset.area = area.id;
    b.setAttribute('aria-pressed', 'false');
    b.addEventListener('click', () => zoomToArea(area.id));
    $('areas').append(b);
  }

  indicatorSelect.addEventListener('change', () => { state.indicator = indicatorSelect.value; refresh(); });
  year.addEventListener('input', () => { state.year = Number(year.value); $('year-label').textContent = state.year; refresh(); });
  $('layer').addEventListener('change', async () => { state.layer = $('layer').value; await loadGeometry(); refresh(); });
  $('method').addEventListener('change', () => { state.method = $('method').value; refresh(); });
  $('classes').addEventListener('change', () => { state.classes = Number($('classes').value); refresh(); });
  $('view').addEventListener('change', () => { state.view = $('view').value; refresh(); });
  $('play').addEventListener('click', togglePlay);
  $('profile-close').addEventListener('click', () => { $('profile').hidden = true; state.selected = null; map.invalidateSize(); });
  $('district-select').addEventListener('change', () => { if ($('district-select').value) openProfile($('district-select').value); });
}

function togglePlay() {
  const button = $('play');
  if (state.playing) {
    clearInterval(state.playing);
    state.playing = null;
    button.textContent = '▶';
    button.setAttribute('aria-label', 'Jahre abspielen');
    return;
  }
  button.textContent = '⏸';
  button.setAttribute('aria-label', 'Abspielen anhalten');
  state.playing = setInterval(() => {
    const years = state.atlas.years;
    const next = years[(years.indexOf(state.year) + 1) % years.length];
    state.year = next;
    $('year').value = next;
    $('year-label').textContent = next;
    refresh();
  }, 1200);
}

async function loadGeometry() {
  if (!state.geo[state.layer]) {
    state.geo[state.layer] = await api(`/api/layers/${encodeURIComponent(state.layer)}/geojson`);
  }
  if (geoLayer) geoLayer.remove();
  geoLayer = L.geoJSON(state.geo[state.layer], {
    style: () => ({ color: '#666', weight: 0.8, fillOpacity: 0.9, fillColor: '#fff' }),
    onEachFeature: (feature, layer) => {
      layer.on('click', () => openProfile(feature.properties.key));
      layer.on('mouseover', () => layer.setStyle({ weight: 2.5, color: '#111' }));
      layer.on('mouseout', () => layer.setStyle({ weight: 0.8, color: '#666' }));
      layer.on('add', () => {
        const el = layer.getElement();
        if (el) {
          el.setAttribute('tabindex', '0');
          el.setAttribute('role', 'button');
          el.setAttribute('aria-label', feature.properties.name);
          el.dataset.key = feature.properties.key;
          el.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openProfile(feature.properties.key); } });
        }
      });
    },
  }).addTo(map);
  // One tooltip at a time: when the map moves under a resting pointer, browsers may report the new district's
  // mouseover before the old one's mouseout.
  const group = geoLayer;
  group.on('tooltipopen', (e) => group.eachLayer((l) => { if (l !== e.layer && l.isTooltipOpen()) l.closeTooltip(); }));
  const select = $('district-select');
  select.length = 1;
  const features = [...state.geo[state.layer].features].sort((x, y) => x.properties.name.localeCompare(y.properties.name, 'de'));
  for (const f of features) select.append(new Option(f.properties.name, f.properties.key));
  if (!state.area) map.fitBounds(geoLayer.getBounds(), fitPadding());
  await loadOutlines();
}

// Thick outlines of the atlas's emphasis layer (e.g. the four Jugendamtsbezirke) above the districts; they take no
// mouse events, so hover and click still reach the districts below.
async function loadOutlines() {
  const id = state.atlas.emphasisLayer;
  if (outlineLayer) { outlineLayer.remove(); outlineLayer = null; }
  if (!id || id === state.layer) return;
  if (!state.geo[id]) state.geo[id] = await api(`/api/layers/${encodeURIComponent(id)}/geojson`);
  outlineLayer = L.geoJSON(state.geo[id], { interactive: false, style: () => ({ color: '#1d2733', weight: 2.5, fill: false }) }).addTo(map);
}

function fillFor(v) {
  if (state.view === 'goals') return v.goalStatus === 'notPublishable' ? 'url(#gp-hatch)' : GOAL_COLOR[v.goalStatus] || '#fff';
  if (v.status === 'suppressed') return 'url(#gp-hatch)';
  if (v.status === 'minpop') return 'url(#gp-minpop)';
  if (v.status === 'nodata' || v.cls === null || v.cls === undefined) return '#fff';
  return state.values.colors[v.cls];
}

async function refresh() {
  if (!state.atlas) return;
  const p = new URLSearchParams({ layer: state.layer, indicator: state.indicator, year: state.year, method: state.method, classes: state.classes });
  const path = state.view === 'lisa' ? '/api/lisa' : state.view === 'goals' ? '/api/goalmap' : '/api/values';
  try {
    setStatus('Lade …');
    state.values = await api(`${path}?${p}`);
  } catch (e) {
    setStatus(`Fehler: ${e.message}`);
    return;
  }
  const byKey = new Map(state.values.values.map((v) => [v.key, v]));
  const meta = indicatorMeta();
  geoLayer.eachLayer((layer) => {
    const v = byKey.get(layer.feature.properties.key) || { status: 'nodata' };
    layer.setStyle({ fillColor: fillFor(v), fillOpacity: 0.9 });
    const el = layer.getElement();
    if (el) { el.dataset.status = v.status; el.dataset.cls = v.cls ?? ''; }
    layer.unbindTooltip();
    layer.bindTooltip(() => tooltipHtml(layer.feature.properties, v, meta), { sticky: true, className: 'gp-tip' });
  });

  renderLegend(meta);
  if (state.view === 'goals') await renderGoalOverview(meta);
  updateExportLinks();
  $('indicator-description').textContent = meta.description || meta.label;
  setStatus(`${meta.shortLabel || meta.label}, ${state.year}`);
  if (state.settled) document.getElementById('map').dataset.ready = 'true';
  document.getElementById('map').dataset.indicator = state.indicator;
  document.getElementById('map').dataset.year = String(state.year);
  document.getElementById('map').dataset.view = state.view;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function tooltipHtml(props, v, meta) {
  let html = `<strong>${escapeHtml(props.name)}</strong><br>`;
  if (state.view === 'lisa') {
    html += escapeHtml(v.label || STATUS_TEXT[v.status] || '');
    return html;
  }
  if (state.view === 'goals') {
    html += `Zielstatus: ${escapeHtml(GOAL_TEXT[v.goalStatus] || '–')}`;
    if (v.value !== null && v.value !== undefined) html += `<br>${escapeHtml(formatValue(v.value, meta))}`;
    return html;
  }
  if (v.value === null || v.value === undefined) {
    html += escapeHtml(STATUS_TEXT[v.status] || 'keine Daten');
    return html;
  }
  html += `${escapeHtml(meta.shortLabel || meta.label)}: <strong>${escapeHtml(formatValue(v.value, meta))}</strong>`;
  if (v.ciLow !== null && v.ciLow !== undefined) {
    html += `<br>95-%-Konfidenzintervall: ${escapeHtml(nf(meta.decimals ?? 1).format(v.ciLow))} – ${escapeHtml(nf(meta.decimals ?? 1).format(v.ciHigh))}`;
  }
  if (v.rank) html += `<br>Rang ${intFmt.format(v.rank)} von ${intFmt.format(v.rankOf)}`;
  if (v.status === 'unreliable') html += `<br><em>${STATUS_TEXT.unreliable}</em>`;
  return html;
}

function renderLegend(meta) {
  const v = state.values;
  const el = $('legend');
  let html = `<h2>${escapeHtml(meta.shortLabel || meta.label)} ${state.year}</h2>`;
  if (state.view === 'values') html += `<div class="unit">${escapeHtml(meta.unit || '')} ${escapeHtml(meta.denominatorLabel || '')}</div>`;
  html += '<ul>';
  for (const entry of v.legend) {
    // No inline style attributes (the CSP allows none): colours are set through the CSSOM below.
    const swatch = entry.pattern ? `<span class="swatch ${escapeHtml(entry.pattern)}"></span>` : `<span class="swatch" data-color="${escapeHtml(entry.color)}"></span>`;
    html += `<li>${swatch}<span>${escapeHtml(entry.label)}</span><span class="count">${intFmt.format(entry.count)}</span></li>`;
  }
  html += '</ul>';
  if (v.note) html += `<div class="unit">${escapeHtml(v.note)}</div>`;
  if (v.dataStatus && v.dataStatus.text) html += `<div class="unit datastatus" id="datastatus">${escapeHtml(v.dataStatus.text)}</div>`;
  el.innerHTML = html;
  for (const s of el.querySelectorAll('.swatch[data-color]')) s.style.background = s.dataset.color;
}

async function renderGoalOverview(meta) {
  let rows;
  try {
    rows = await api(`/api/goals?${new URLSearchParams({ year: state.year })}`);
  } catch (e) {
    return;
  }
  let html = `<h2>Ziele ${state.year}</h2><ul class="goals">`;
  for (const r of rows) {
    const m = indicatorMeta(r.indicator);
    const value = r.value === null ? '–' : formatValue(r.value, m);
    html += `<li data-goal="${escapeHtml(r.goal)}" data-status="${escapeHtml(r.status)}"><span>${escapeHtml(r.label)}</span><span class="count">${escapeHtml(value)} · ${escapeHtml(GOAL_TEXT[r.status] || r.status)}</span></li>`;
  }
  html += '</ul>';
  $('legend').insertAdjacentHTML('beforeend', html);
}

function updateExportLinks() {
  const area = state.area || (state.atlas.areas[0] && state.atlas.areas[0].id) || '';
  for (const format of ['png', 'pdf', 'svg']) {
    const p = new URLSearchParams({ layer: state.layer, indicator: state.indicator, year: state.year, method: state.method, classes: state.classes, area, format });
    if (state.view === 'lisa') p.set('view', 'lisa');
    const a = $(`export-${format}`);
    a.href = `/api/maps/render?${p}`;
    a.setAttribute('download', `karte_${state.indicator}_${state.year}_${area}.${format}`);
  }
}

// Keeps the districts clear of the legend box in the lower right corner.
function fitPadding() {
  const legend = $('legend');
  return { paddingTopLeft: [12, 12], paddingBottomRight: [(legend ? legend.offsetWidth : 0) + 16, 12] };
}

function zoomToArea(id) {
  const area = state.atlas.areas.find((x) => x.id === id);
  if (!area) return;
  state.area = id;
  for (const b of document.querySelectorAll('#areas button')) b.setAttribute('aria-pressed', String(b.dataset.area === id));
  const [w, s, e, n] = area.bbox;
  map.fitBounds([[s, w], [n, e]], fitPadding());
  document.getElementById('map').dataset.area = id;
  updateExportLinks();
}

async function openProfile(key) {
  state.selected = key;
  let p;
  try {
    p = await api(`/api/profile?${new URLSearchParams({ layer: state.layer, key, year: state.year })}`);
  } catch (e) {
    setStatus(`Fehler: ${e.message}`);
    return;
  }
  const body = $('profile-body');
  let html = `<h2>${escapeHtml(p.name)}</h2>`;
  if (p.parentName) html += `<p class="hint">${escapeHtml(p.layerLabel)} in ${escapeHtml(p.parentName)}</p>`;
  for (const ind of p.indicators) {
    const meta = indicatorMeta(ind.id);
    html += `<h3>${escapeHtml(meta.shortLabel || meta.label)}</h3>`;
    html += trendChart(ind.series, meta);
    html += '<div class="bars">';
    const rows = [[p.name, ind.value], [p.parentName ? `${p.parentName}` : null, ind.parentValue], [state.atlas.kreisLabel, ind.kreisValue]].filter((r) => r[0]);
    const max = Math.max(...rows.map((r) => r[1] ?? 0), 1e-9);
    for (const [label, value] of rows) {
      const width = value === null || value === undefined ? 0 : Math.round((value / max) * 120);
      html += `<div><span class="bar-label">${escapeHtml(label)}</span><span class="bar" data-width="${width}"></span><span>${escapeHtml(value === null || value === undefined ? STATUS_TEXT[ind.status] || '–' : formatValue(value, meta))}</span></div>`;
    }
    html += '</div>';
    if (ind.rank) html += `<p class="hint">Rang ${intFmt.format(ind.rank)} von ${intFmt.format(ind.rankOf)} (${state.year})</p>`;
  }
  if (p.goals && p.goals.length) {
    html += '<h3>Ziele</h3><ul>';
    for (const g of p.goals) html += `<li>${escapeHtml(g.label)}: <span class="status-${g.cssClass}">${escapeHtml(GOAL_TEXT[g.status] || g.status)}</span></li>`;
    html += '</ul>';
  }
  body.innerHTML = html;
  for (const bar of body.querySelectorAll('.bar[data-width]')) bar.style.width = `${bar.dataset.width}px`;
  $('profile').hidden = false;
  map.invalidateSize();
  $('profile').dataset.key = key;
  $('profile-close').focus();
}

function trendChart(series, meta) {
  const pts = series.filter((s) => s.value !== null && s.value !== undefined);
  const w = 300; const h = 70; const pad = 4;
  if (pts.length < 2) return '<p class="hint">Keine Zeitreihe veröffentlichbar.</p>';
  const years = series.map((s) => s.year);
  const x0 = Math.min(...years); const x1 = Math.max(...years);
  const ys = pts.map((s) => s.value);
  const y0 = Math.min(...ys); const y1 = Math.max(...ys) === y0 ? y0 + 1 : Math.max(...ys);
  const sx = (x) => pad + ((x - x0) / Math.max(1, x1 - x0)) * (w - 2 * pad);
  const sy = (y) => h - pad - ((y - y0) / (y1 - y0)) * (h - 2 * pad);
  const d = pts.map((s, i) => `${i ? 'L' : 'M'}${sx(s.year).toFixed(1)},${sy(s.value).toFixed(1)}`).join(' ');
  const label = `Zeitreihe ${x0}–${x1}: ${formatValue(pts[0].value, meta)} bis ${formatValue(pts[pts.length - 1].value, meta)}`;
  return `<svg class="chart" width="${w}" height="${h}" role="img" aria-label="${escapeHtml(label)}"><path d="${d}" fill="none" stroke="#0b5a8a" stroke-width="2"/>${pts.map((s) => `<circle cx="${sx(s.year).toFixed(1)}" cy="${sy(s.value).toFixed(1)}" r="2.5" fill="#0b5a8a"><title>${s.year}: ${escapeHtml(formatValue(s.value, meta))}</title></circle>`).join('')}</svg>`;
}

async function main() {
  map = L.map('map', { zoomSnap: 0.25, attributionControl: false, preferCanvas: false });
  try {
    state.atlas = await api('/api/atlas');
  } catch (e) {
    setStatus(`Fehler beim Laden des Atlas: ${e.message}`);
    return;
  }
  if (state.atlas.backgroundUrl) L.tileLayer(state.atlas.backgroundUrl, { maxZoom: 18 }).addTo(map);
  initControls();
  await loadGeometry();
  await refresh();
  // Fit again now that the legend has its size, without animation; only then is the map ready (a pointer resting on
  // a district stays on it).
  if (!state.area) map.fitBounds(geoLayer.getBounds(), { ...fitPadding(), animate: false });
  state.settled = true;
  document.getElementById('map').dataset.ready = 'true';
}

main();
