// Vigil's UI: each page is a shell rendered by the server; this script fills it from /api/v1/ with the session
// cookie. Text is only ever set with textContent, so nothing a source wrote can run as markup.
'use strict';

const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

async function api(path) {
  const r = await fetch('/api/v1' + path, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'});
  if (r.status === 401) {
    location.assign('/ui/login');
    throw new Error('signed out');
  }
  const body = await r.json();
  if (!r.ok) {
    throw new Error(body.description || body.title || ('HTTP ' + r.status));
  }
  return body;
}

async function apiPost(path, body) {
  const r = await fetch('/api/v1' + path, {method: 'POST', credentials: 'same-origin',
    headers: {'Accept': 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': csrf()},
    body: JSON.stringify(body)});
  const answer = await r.json();
  if (!r.ok) {
    throw new Error(answer.description || answer.title || ('HTTP ' + r.status));
  }
  return answer;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) {
      e.setAttribute(k, v);
    }
  }
  for (const c of children) {
    if (c !== null && c !== undefined) {
      e.append(c instanceof Node ? c : String(c));
    }
  }
  return e;
}

const objectLink = (id, text) => el('a', {href: '/ui/objects/' + encodeURIComponent(id)}, text || id);
const byId = id => document.getElementById(id);
const say = (text) => { const s = byId('status'); if (s) { s.textContent = text; } };
const day = d => d.toISOString().slice(0, 10);
const addDays = (s, n) => { const d = new Date(s + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return day(d); };

function fail(e) {
  say('Could not load: ' + e.message);
}

// Reporting level of a place: observed against expected over the recent days.
function level(p) {
  if (p.upticks && p.upticks.length > 0) { return {name: 'uptick', colour: '#c0392b'}; }
  if (p.expected === null || p.expected === undefined) {
    return p.observed > 0 ? {name: 'reported, no baseline', colour: '#7f8c8d'} : {name: 'quiet', colour: '#95a5a6'};
  }
  const ratio = (p.observed + 0.5) / (p.expected + 0.5);
  if (ratio >= 2) { return {name: 'high', colour: '#d35400'}; }
  if (ratio >= 1.2) { return {name: 'raised', colour: '#f1c40f'}; }
  return {name: 'normal', colour: '#27ae60'};
}

async function worldMap(container) {
  const map = L.map(container, {worldCopyJump: true, attributionControl: true, zoomSnap: 0.5});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth (public domain)');
  const world = await (await fetch('/ui/assets/world-110m.geojson')).json();
  L.geoJSON(world, {interactive: false,
    style: {color: '#6b7b8c', weight: 0.6, fillColor: '#e8ecef', fillOpacity: 1}}).addTo(map);
  map.setView([30, 20], 2);
  return map;
}

function placeMarkers(map, places) {
  const points = [];
  for (const p of places) {
    if (p.latitude === null || p.latitude === undefined) { continue; }
    const lv = level(p);
    const m = L.circleMarker([p.latitude, p.longitude], {radius: 7 + Math.min(12, Math.sqrt(p.observed)),
      color: '#222', weight: 1, fillColor: lv.colour, fillOpacity: 0.9, className: 'venue'});
    m.bindTooltip(p.name + ': ' + p.observed + ' stories (' + lv.name + ')');
    m.on('click', () => location.assign('/ui/objects/' + encodeURIComponent(p.place)));
    m.addTo(map);
    points.push([p.latitude, p.longitude]);
  }
  if (points.length > 0) {
    map.fitBounds(points, {maxZoom: 5, padding: [30, 30]});
  }
}

function levelItem(p) {
  const lv = level(p);
  return el('li', {}, el('span', {class: 'swatch', 'data-level': lv.name}, '\u25CF'), ' ',
    objectLink(p.place, p.name || p.place), ': ' + p.observed + ' stories in 30 days'
    + (p.expected !== null && p.expected !== undefined ? ', ' + p.expected + ' expected' : '') + ' \u2014 ' + lv.name);
}

const views = {};

// Travel alerts come from the alerts module when the hub has it; its operations are listed in the API's OpenAPI
// document, so the UI asks there first instead of calling what may not exist.
let alertsKnown = null;
async function alerts() {
  if (alertsKnown === null) {
    const doc = await api('/openapi.json');
    alertsKnown = Object.prototype.hasOwnProperty.call(doc.paths || {}, '/api/v1/alerts');
  }
  return alertsKnown ? (await api('/alerts')).alerts : null;
}

const current = a => a.status === 'published' && a.msg_type !== 'cancel'
  && (!a.expires || new Date(a.expires) > new Date());

// Shows the CAP message an alert would go out as, and offers to review and publish it (the hub refuses a review
// by the draft's author, and publication without the publisher right or a review, and says why).
async function previewAlert(id, refresh) {
  const p = await api('/alerts/' + encodeURIComponent(id) + '/cap-preview');
  byId('preview-id').textContent = id;
  byId('cap-preview').textContent = p.cap.replace(/></g, '>\n<');
  byId('preview').hidden = false;
  const review = byId('review-alert');
  review.onclick = async () => {
    const status = byId('compose-status');
    try {
      await apiPost('/alerts/' + encodeURIComponent(id) + '/review', {});
      status.textContent = 'Reviewed ' + id + '.';
      review.disabled = true;
      await refresh();
    } catch (e) {
      status.textContent = 'Not reviewed: ' + e.message;
    }
  };
  review.disabled = false;
  const publish = byId('publish-alert');
  publish.onclick = async () => {
    const status = byId('compose-status');
    try {
      const a = await apiPost('/alerts/' + encodeURIComponent(id) + '/publish', {});
      status.textContent = 'Published ' + a.id + '.';
      publish.disabled = true;
      await refresh();
    } catch (e) {
      status.textContent = 'Not published: ' + e.message;
    }
  };
  publish.disabled = false;
}

async function listAlerts() {
  const list = await alerts();
  const ul = byId('alerts');
  ul.replaceChildren();
  byId('alerts-status').textContent = list.length === 0 ? 'No alerts you may see.'
    : list.length + ' alert(s), newest first.';
  const replaced = new Set(list.flatMap(a => a.replaces || []));
  for (const a of [...list].reverse()) {
    // The status is shown as the hub names it, so a workflow step this page does not know still reads right.
    const li = el('li', {class: 'alert-item'}, el('span', {class: 'level', 'data-level': String(a.level)},
      'Level ' + a.level + ': ' + a.level_name), ' ', el('strong', {}, a.headline), ' (' + a.status
      + (replaced.has(a.id) ? ', replaced' : '') + (a.effective ? ', from ' + a.effective.slice(0, 10) : '')
      + (a.expires ? ' to ' + a.expires.slice(0, 10) : '') + ')');
    if (a.cap) { li.append(' ', el('a', {href: a.cap}, 'CAP')); }
    if (a.status !== 'published') {
      const b = el('button', {type: 'button', class: 'small'}, 'Preview CAP');
      b.addEventListener('click', () => previewAlert(a.id, listAlerts).catch(e => {
        byId('compose-status').textContent = 'No preview: ' + e.message;
      }));
      li.append(' ', b);
    }
    if (a.description) { li.append(el('div', {class: 'snippet'}, a.description)); }
    ul.append(li);
  }
  return list;
}

views.alerts = async (body) => {
  const list = await alerts();
  if (list === null) { body.dataset.loaded = 'true'; return; }
  await listAlerts();
  byId('composer').hidden = false;
  byId('compose-form').addEventListener('submit', async ev => {
    ev.preventDefault();
    const status = byId('compose-status');
    const lines = v => v.split(/[\n,]/).map(x => x.trim()).filter(x => x !== '');
    const draft = {
      places: lines(byId('alert-places').value),
      level: Number(byId('alert-level').value),
      headline: byId('alert-headline').value.trim(),
      description: byId('alert-description').value.trim(),
      risks: lines(byId('alert-risks').value),
      expires_in: 'P' + Math.max(1, Number(byId('alert-expires').value) || 14) + 'D'
    };
    if (byId('alert-instruction').value.trim() !== '') { draft.instruction = byId('alert-instruction').value.trim(); }
    try {
      status.textContent = 'Saving the draft…';
      const a = await apiPost('/alerts', draft);
      status.textContent = 'Draft ' + a.id + ' saved.';
      await listAlerts();
      await previewAlert(a.id, listAlerts);
    } catch (e) {
      status.textContent = 'Not saved: ' + e.message;
    }
    body.dataset.composed = 'true';
  });
  body.dataset.loaded = 'true';
};

views.events = async () => {
  const {events} = await api('/events');
  const ul = byId('events');
  say(events.length === 0 ? 'No events you may see.' : events.length + ' event(s)');
  for (const e of events) {
    ul.append(el('li', {}, el('a', {href: '/ui/events/' + encodeURIComponent(e.id)}, e.name),
      ' ' + e.first + ' \u2013 ' + e.last));
  }
  document.body.dataset.loaded = 'true';
};

views.dashboard = async (body) => {
  const id = body.dataset.event;
  const event = (await api('/events')).events.find(e => e.id === id);
  if (!event) { say('No such event, or it is not visible to you.'); return; }
  const today = day(new Date());
  const at = body.dataset.at || (today > event.last ? event.last : today);
  byId('at').value = at;
  byId('as-of').addEventListener('submit', ev => {
    ev.preventDefault();
    location.assign('/ui/events/' + encodeURIComponent(id) + '?at=' + encodeURIComponent(byId('at').value));
  });
  const picture = await api('/events/' + encodeURIComponent(id) + '/picture?at=' + at);
  byId('event-name').textContent = picture.name;
  document.title = picture.name + ' \u00b7 Vigil';
  say(picture.first + ' \u2013 ' + picture.last + (picture.host_country ? ', ' + picture.host_country : '')
    + '; picture as of ' + at);
  const levels = byId('levels');
  picture.places.forEach(p => levels.append(levelItem(p)));
  const from = addDays(at, -89);
  const {upticks} = await api('/upticks?event=' + encodeURIComponent(id) + '&from=' + from + '&to=' + at);
  const ul = byId('upticks');
  if (upticks.length === 0) { ul.append(el('li', {}, 'No upticks.')); }
  for (const u of upticks) {
    ul.append(el('li', {class: 'uptick'}, el('span', {class: 'flag', 'aria-hidden': 'true'}, '\u2691'), ' ',
      u.date + ' ', objectLink(u.place, u.name || u.place),
      ': ' + u.observed + ' stories, ' + u.expected + ' expected (p = ' + Number(u.p_value).toPrecision(2) + ')'));
  }
  const reports = byId('reports');
  if (picture.newest_reports.length === 0) { reports.append(el('li', {}, 'No reports.')); }
  for (const r of picture.newest_reports) {
    reports.append(el('li', {}, (r.published || '').slice(0, 10) + ' ', objectLink(r.id, r.name || r.id)));
  }
  const advisory = byId('advisory');
  const list = await alerts();
  if (list !== null) {
    const places = new Set([id, ...event.venues]);
    const replaced = new Set(list.flatMap(a => a.replaces || []));
    const mine = list.filter(a => current(a) && !replaced.has(a.id) && (a.place_refs || []).some(p => places.has(p)));
    if (mine.length === 0) {
      advisory.textContent = 'No current travel advisory names this event or its venues.';
    } else {
      const top = mine.reduce((a, b) => (b.level > a.level ? b : a));
      advisory.replaceChildren(el('span', {class: 'level', 'data-level': String(top.level)},
        'Level ' + top.level + ': ' + top.level_name), ' ', top.headline);
    }
  }
  const timeline = byId('timeline');
  for (const p of picture.places) {
    const t = await api('/places/' + encodeURIComponent(p.place) + '/timeline?from=' + from + '&to=' + at);
    timeline.append(chart(t));
  }
  const map = await worldMap(byId('map'));
  placeMarkers(map, picture.places);
  body.dataset.loaded = 'true';
};

// A bar per day; days flagged as upticks in red. SVG attributes only (no inline style), for the CSP.
function chart(t) {
  const ns = 'http://www.w3.org/2000/svg';
  const w = 720;
  const h = 90;
  const max = Math.max(1, ...t.days.map(d => d.observed));
  const bw = w / t.days.length;
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + w + ' ' + (h + 16));
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  const total = t.days.reduce((a, d) => a + d.observed, 0);
  const flagged = t.days.filter(d => d.uptick).map(d => d.date);
  svg.setAttribute('aria-label', (t.name || t.place) + ': ' + total + ' stories in ' + t.days.length + ' days'
    + (flagged.length ? ', upticks on ' + flagged.join(', ') : ''));
  t.days.forEach((d, i) => {
    const r = document.createElementNS(ns, 'rect');
    const bh = Math.round((d.observed / max) * h);
    r.setAttribute('x', (i * bw).toFixed(1));
    r.setAttribute('y', String(h - bh));
    r.setAttribute('width', Math.max(1, bw - 1).toFixed(1));
    r.setAttribute('height', String(bh));
    r.setAttribute('fill', d.uptick ? '#c0392b' : '#2c6e9b');
    const title = document.createElementNS(ns, 'title');
    title.textContent = d.date + ': ' + d.observed + (d.expected !== null && d.expected !== undefined
      ? ' (expected ' + d.expected + ')' : '');
    r.append(title);
    svg.append(r);
  });
  const label = document.createElementNS(ns, 'text');
  label.setAttribute('x', '0');
  label.setAttribute('y', String(h + 13));
  label.setAttribute('class', 'chart-label');
  label.textContent = (t.name || t.place) + ' \u2014 ' + t.days[0].date + ' to ' + t.days[t.days.length - 1].date
    + ', most ' + max + ' a day';
  svg.append(label);
  return el('figure', {class: 'timeline'}, svg);
}

const TLP_TEXT = {
  'clear': 'TLP:CLEAR', 'green': 'TLP:GREEN', 'amber': 'TLP:AMBER', 'amber+strict': 'TLP:AMBER+STRICT', 'red': 'TLP:RED'
};

function value(v) {
  if (v === null || typeof v !== 'object') {
    const s = String(v);
    return /^[a-z0-9-]+--[0-9a-f-]{36}$/.test(s) ? objectLink(s) : s;
  }
  if (Array.isArray(v)) {
    const ul = el('ul', {class: 'values'});
    v.forEach(x => ul.append(el('li', {}, value(x))));
    return ul;
  }
  const dl = el('dl', {class: 'props nested'});
  for (const [k, x] of Object.entries(v)) {
    dl.append(el('dt', {}, k), el('dd', {}, value(x)));
  }
  return dl;
}

function linkItem(l) {
  return el('li', {}, (l.relationship || l.via) + ' \u2192 ', objectLink(l.id, l.name), ' (' + l.type + ')');
}

views.object = async (body) => {
  const v = await api('/objects/' + encodeURIComponent(body.dataset.object));
  const tlp = byId('tlp');
  tlp.textContent = v.tlp ? TLP_TEXT[v.tlp] : 'Not marked: the collection\u2019s default marking applies';
  tlp.dataset.tlp = v.tlp || 'none';
  byId('object-name').textContent = (v.name || v.id);
  document.title = (v.name || v.id) + ' \u00b7 Vigil';
  const props = byId('properties');
  for (const [k, x] of Object.entries(v.object)) {
    props.append(el('dt', {}, k), el('dd', {}, value(x)));
  }
  const out = byId('outgoing');
  v.outgoing.forEach(l => out.append(linkItem(l)));
  if (v.outgoing.length === 0) { out.append(el('li', {}, 'None.')); }
  const inc = byId('incoming');
  v.incoming.forEach(l => inc.append(el('li', {}, objectLink(l.id, l.name), ' (' + l.type + ') \u2192 '
    + (l.relationship || l.via))));
  if (v.incoming.length === 0) { inc.append(el('li', {}, 'None.')); }
  if (v.article) {
    byId('main').append(articleSection(v.article));
  }
  const versions = byId('versions');
  v.versions.forEach(o => versions.append(el('li', {}, (o.modified || o.created || '(no timestamp)')
    + (o.revoked ? ' (revoked)' : ''))));
  body.dataset.loaded = 'true';
};

// The article with each entity marked where it was found; overlapping spans keep the first.
function articleSection(a) {
  const p = el('div', {class: 'article', id: 'article-text'});
  let at = 0;
  for (const h of a.highlights) {
    if (h.start < at) { continue; }
    p.append(a.text.slice(at, h.start));
    p.append(el('mark', {class: 'entity', 'data-type': h.type, title: h.type + ': ' + h.name},
      el('a', {href: '/ui/objects/' + encodeURIComponent(h.id)}, a.text.slice(h.start, h.end))));
    at = h.end;
  }
  p.append(a.text.slice(at));
  return el('section', {class: 'card', 'aria-labelledby': 'article-h'}, el('h2', {id: 'article-h'}, 'Article'),
    el('p', {class: 'hint'}, a.highlights.length + ' passage(s) marked where the entities were found'), p);
}

views.ingest = async (body) => {
  const form = byId('ingest-form');
  const review = byId('review');
  const rows = byId('entities');
  const select = byId('collection');
  const {collections} = await api('/ingest/collections');
  for (const c of collections) {
    select.append(el('option', {value: c.api_root + '|' + c.id}, c.title + ' (' + c.api_root + ')'));
  }
  let request = null;
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    request = {text: byId('article').value, title: byId('title').value, published: byId('published').value};
    say('Extracting\u2026');
    try {
      const preview = await apiPost('/ingest/preview', request);
      rows.replaceChildren(...preview.entities.map(e => {
        const keep = el('input', {type: 'checkbox', checked: 'checked', 'data-id': e.id,
          'aria-label': 'Keep ' + e.name});
        const name = el('input', {value: e.name, 'data-id': e.id, 'aria-label': 'Name of ' + e.type + ' ' + e.name});
        const where = e.sources.map(s => preview.text.slice(s.start, s.end)).join(' \u2026 ');
        return el('tr', {}, el('td', {}, keep), el('td', {}, e.type), el('td', {}, name), el('td', {class: 'snippet'}, where));
      }));
      review.hidden = false;
      say(preview.entities.length + ' entities found in \u201c' + preview.title + '\u201d');
      body.dataset.loaded = 'true';
    } catch (e) { fail(e); }
  });
  byId('publish').addEventListener('click', async () => {
    if (!request) { return; }
    const [apiRoot, collection] = (select.value || '|').split('|');
    const rejected = [...rows.querySelectorAll('input[type=checkbox]')].filter(c => !c.checked).map(c => c.dataset.id);
    const names = {};
    rows.querySelectorAll('input:not([type])').forEach(i => { if (i.value !== i.defaultValue) { names[i.dataset.id] = i.value; } });
    try {
      const done = await apiPost('/ingest/publish', Object.assign({}, request, {api_root: apiRoot, collection: collection,
        rejected: rejected, names: names}));
      say('Published: ' + done.stored + ' object(s) stored' + (done.refused ? ', ' + done.refused + ' refused' : ''));
      byId('status').append(' ', objectLink(done.report_id, 'Open the report'));
      body.dataset.published = done.report_id;
    } catch (e) { fail(e); }
  });
  body.dataset.loaded = 'true';
};

const TYPE_COLOURS = {
  'report': '#2c6e9b', 'location': '#27ae60', 'threat-actor': '#c0392b', 'intrusion-set': '#c0392b',
  'identity': '#8e44ad', 'attack-pattern': '#d35400', 'indicator': '#16a085', 'vigil-event': '#f39c12'
};

views.graph = async (body) => {
  const centre = body.dataset.object;
  const cy = cytoscape({
    container: byId('graph'),
    style: [
      {selector: 'node', style: {'label': 'data(label)', 'font-size': 10, 'text-wrap': 'ellipsis',
        'text-max-width': 120, 'background-color': 'data(colour)', 'width': 18, 'height': 18}},
      {selector: 'node.centre', style: {'width': 28, 'height': 28, 'border-width': 3, 'border-color': '#222'}},
      {selector: 'edge', style: {'label': 'data(label)', 'font-size': 8, 'curve-style': 'bezier',
        'target-arrow-shape': 'triangle', 'width': 1.2, 'line-color': '#999', 'target-arrow-color': '#999'}}
    ]
  });
  const list = byId('graph-list');
  const expanded = new Set();
  async function expand(id) {
    if (expanded.has(id)) { return; }
    expanded.add(id);
    const n = await api('/objects/' + encodeURIComponent(id) + '/neighbours');
    for (const node of n.nodes) {
      if (cy.getElementById(node.id).empty()) {
        cy.add({group: 'nodes', data: {id: node.id, label: node.name || node.id,
          colour: TYPE_COLOURS[node.type] || '#7f8c8d'}});
        const more = el('button', {type: 'button', class: 'small', 'aria-label': 'Expand ' + (node.name || node.id)}, 'Expand');
        more.addEventListener('click', () => list.dispatchEvent(new CustomEvent('expand', {detail: node.id})));
        list.append(el('li', {'data-node': node.id}, objectLink(node.id, node.name || node.id), ' (' + node.type + ') ', more));
      }
    }
    for (const e of n.edges) {
      if (cy.getElementById(e.id).empty()) {
        cy.add({group: 'edges', data: {id: e.id, source: e.source, target: e.target, label: e.label}});
      }
    }
    cy.getElementById(centre).addClass('centre');
    cy.layout({name: 'cose', animate: false}).run();
  }
  cy.on('tap', 'node', ev => expand(ev.target.id()).then(() => { body.dataset.loaded = 'true'; }).catch(fail));
  // Keyboard and assistive use: each listed node can be expanded too.
  list.addEventListener('expand', ev => expand(ev.detail).then(() => { body.dataset.loaded = 'true'; }).catch(fail));
  cy.on('dbltap', 'node', ev => location.assign('/ui/objects/' + encodeURIComponent(ev.target.id())));
  await expand(centre);
  body.dataset.loaded = 'true';
};

views.map = async (body) => {
  const map = await worldMap(byId('map'));
  const {events} = await api('/events');
  const all = [];
  const list = byId('places');
  for (const e of events) {
    const today = day(new Date());
    const at = today > e.last ? e.last : today;
    const picture = await api('/events/' + encodeURIComponent(e.id) + '/picture?at=' + at);
    picture.places.forEach(p => { all.push(p); list.append(levelItem(p)); });
  }
  placeMarkers(map, all);
  body.dataset.loaded = 'true';
};

const isId = v => /^[a-z0-9-]+--[0-9a-f-]{36}$/.test(v.trim());

// Offers, as a filter's options, the objects of its type the user may see whose words start as typed.
async function offer(filter) {
  const typed = filter.value.trim();
  const options = byId(filter.id + '-options');
  if (typed.length < 2 || isId(typed)) { return; }
  const r = await api('/search?' + new URLSearchParams({q: typed, type: filter.dataset.type, limit: '10'}).toString());
  options.replaceChildren(...r.results.map(h => el('option', {value: h.id}, h.name || h.id)));
}

views.search = async (body) => {
  const input = byId('q');
  const type = byId('type');
  const results = byId('results');
  let seq = 0;
  async function run() {
    const q = input.value.trim();
    const mine = ++seq;
    if (q === '') { results.replaceChildren(); say(''); return; }
    const params = new URLSearchParams({q: q, limit: '50'});
    if (type.value.trim() !== '') { params.set('type', type.value.trim()); }
    for (const f of ['marking', 'from', 'to']) {
      const input = byId(f);
      if (input && input.value !== '') { params.set(f, input.value); }
    }
    // A place or source applies once one is chosen from the offered list (its id).
    for (const f of ['place', 'source']) {
      const input = byId(f);
      if (input && isId(input.value)) { params.set(f, input.value.trim()); }
    }
    const r = await api('/search?' + params.toString());
    if (mine !== seq) { return; }
    results.replaceChildren(...r.results.map(h => el('li', {}, objectLink(h.id, h.name || h.id),
      ' (' + h.type + (h.tlp ? ', ' + TLP_TEXT[h.tlp] : '') + ')', h.snippet ? el('div', {class: 'snippet'}, h.snippet) : null)));
    // Only the page is counted (a total would read every match): more than N when a next page exists.
    say(r.results.length === 0 ? 'Nothing found.'
      : (r.more ? 'More than ' + r.results.length + ' results, newest first' : r.results.length + ' result(s)'));
    body.dataset.loaded = 'true';
  }
  let timer = null;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => run().catch(fail), 150); });
  for (const f of ['place', 'source']) {
    const filter = byId(f);
    if (!filter) { continue; }
    filter.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => offer(filter).then(() => { if (isId(filter.value)) { return run(); } }).catch(fail), 150);
    });
    filter.addEventListener('change', () => run().catch(fail));
  }
  for (const f of ['type', 'marking', 'from', 'to']) {
    byId(f).addEventListener('change', () => run().catch(fail));
  }
  byId('search-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const shown = new URLSearchParams({q: input.value});
    for (const f of ['place', 'source']) {
      if (byId(f) && byId(f).value.trim() !== '') { shown.set(f, byId(f).value.trim()); }
    }
    history.replaceState(null, '', '/ui/search?' + shown.toString());
    run().catch(fail);
  });
  await run();
  body.dataset.loaded = 'true';
};

// The administration page is written whole by the server, its changes posted as forms.
views.admin = async (body) => {
  body.dataset.loaded = 'true';
};

document.addEventListener('DOMContentLoaded', () => {
  const body = document.body;
  const view = views[body.dataset.page];
  if (view) {
    view(body).catch(fail);
  }
});
