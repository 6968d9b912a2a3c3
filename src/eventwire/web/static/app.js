// eventwire dashboard: plain JavaScript over the JSON API, charts drawn by vega-embed from the
// Vega-Lite specs the API builds (eventwire.charts). The URL holds the whole state: the view, the
// filters (shown as removable chips), the pairs, the map's zoom. Every piece of data is inserted
// as text (textContent / createTextNode), never as HTML, so article text cannot run as script.
import { expressionInterpreter } from "./vendor/vega-interpreter.module.js";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
  4: "material conflict"};
const PAGE = 25;
// Filters every view applies (the scope form), and the event list's own.
const SCOPE = ["since", "until", "type", "quad", "min_confidence", "collapse"];
// How events are counted (the API's collapse modes); "event" unless the URL says otherwise.
const COUNTING = {event: "repeated reports once, syndicated copies not at all",
  none: "every report", strict: "one a day per pair and CAMEO root"};
const EVENT_ONLY = ["actor", "text", "location", "place_role", "a", "b", "source", "target"];
// vega-embed without eval (the server's CSP forbids it): Vega's own expression interpreter.
const EMBED = {actions: {export: true, source: false, compiled: false, editor: false},
  ast: true, expr: expressionInterpreter, renderer: "svg", downloadFileName: "eventwire"};

let countryNames = {};  // party code (ISO3, or a body's: IGOWSTNAT) -> name

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

// Each route cancels the requests of the one before it, so a slow answer for a view the user
// has left can never overwrite the view they are on.
let routing = new AbortController();

async function api(path, params = new URLSearchParams(), signal = routing.signal) {
  const url = new URL(path, location.origin);
  for (const [k, v] of params) if (v !== "" && v != null) url.searchParams.append(k, v);
  let res = await fetch(url, {signal});
  // 503 is "busy: another process holds the database file" with a Retry-After: wait as told
  // (at most 5 s) and ask again, a few times, before it is shown as an error.
  for (let tries = 0; res.status === 503 && tries < 3; tries++) {
    await pause(Math.min(Number(res.headers.get("Retry-After")) || 1, 5) * 1000, signal);
    res = await fetch(url, {signal});
  }
  if (!res.ok) {
    let detail = `${res.status} ${res.statusText}`;
    try {
      const body = await res.json();
      detail = typeof body.detail === "string" ? body.detail
        : (body.detail || []).map(d => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ");
    } catch (_) { /* not JSON: keep the status line */ }
    throw new ApiError(res.status, detail);
  }
  return res.json();
}

function pause(ms, signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new DOMException("the view changed", "AbortError"));
    }, {once: true});
  });
}

// ---- state in the URL -------------------------------------------------------------------------

function current() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  return {parts: path.split("/").filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query || "")};
}

function hashFor(parts, params) {
  const query = params.toString();
  return "#/" + parts.map(encodeURIComponent).join("/") + (query ? `?${query}` : "");
}

function go(parts, params) { location.hash = hashFor(parts, params); }

function pick(params, keys) {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (keys.includes(k) && v) out.append(k, v);
  return out;
}

function withParams(params, changes) {
  const out = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    out.delete(k);
    if (Array.isArray(v)) v.forEach(x => out.append(k, x));
    else if (v !== "" && v != null) out.set(k, v);
  }
  return out;
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = !message;
}

function show(view) {
  document.querySelectorAll(".view").forEach(v => { v.hidden = v.id !== `view-${view}`; });
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.view === view));
  document.body.dataset.view = view;
}

// ---- the scope form, the chips, the nav links -------------------------------------------------

function fillScope(params) {
  for (const input of document.getElementById("scope").elements) {
    if (input.name) input.value = params.get(input.name) || "";
  }
}

function countryLabel(code) {
  return countryNames[code] ? `${countryNames[code]} (${code})` : code;
}

function pairLabel(pair) {
  const directed = pair.includes(">");
  const [a, b] = pair.split(directed ? ">" : ",");
  return `${countryNames[a] || a} ${directed ? "→" : "–"} ${countryNames[b] || b}`;
}

function chips(parts, params) {
  const items = [];
  const add = (label, remove) => items.push(el("span", {class: "chip"}, label,
    el("button", {type: "button", class: "remove", "aria-label": `Remove ${label}`, text: "×",
      onclick: () => go(parts, withParams(params, remove))})));
  if (params.get("since")) add(`From ${params.get("since")}`, {since: null, offset: null});
  if (params.get("until")) add(`To ${params.get("until")}`, {until: null, offset: null});
  if (params.get("type")) add(`Type ${params.get("type")}`, {type: null, offset: null});
  if (params.get("quad")) add(`Class ${QUADS[params.get("quad")] || params.get("quad")}`,
    {quad: null, offset: null});
  if (params.get("min_confidence")) add(`Confidence ≥ ${params.get("min_confidence")}`,
    {min_confidence: null, offset: null});
  if (params.get("collapse") && params.get("collapse") !== "event") {
    add(`Counting ${COUNTING[params.get("collapse")] || params.get("collapse")}`, {collapse: null, offset: null});
  }
  if (parts[0] === "events") {
    if (params.get("actor")) add(`Actor ${params.get("actor")}`, {actor: null, offset: null});
    if (params.get("text")) add(`Words “${params.get("text")}”`, {text: null, offset: null});
    if (params.get("location")) {
      const role = {dateline: " (where filed)", any: " (happened or filed)"}[params.get("place_role")] || "";
      add(`Place ${params.get("location")}${role}`, {location: null, place_role: null, offset: null});
    }
    if (params.get("a") && params.get("b")) add(`Pair ${countryLabel(params.get("a"))} – ` +
      countryLabel(params.get("b")), {a: null, b: null, offset: null});
    if (params.get("source")) add(`Source ${params.get("source")}`, {source: null, offset: null});
    if (params.get("target")) add(`Target ${params.get("target")}`, {target: null, offset: null});
  }
  if (parts[0] === "relations") {
    const pairs = params.getAll("pair");
    for (const p of pairs) add(`Pair ${pairLabel(p)}`, {pair: pairs.filter(x => x !== p)});
  }
  document.getElementById("chips").replaceChildren(...items);
}

let lastCountry = "";  // the country view's link opens the country last looked at

function navLinks(params) {
  const scope = pick(params, SCOPE);
  document.querySelectorAll("nav a").forEach(a => {
    a.href = hashFor(a.dataset.view === "country" && lastCountry ? ["country", lastCountry]
      : [a.dataset.view], scope);
  });
}

// ---- charts ---------------------------------------------------------------------------------

async function draw(box, spec, onClick) {
  if (box.view) box.view.finalize();
  else box.replaceChildren();  // an empty state's message, if one was there
  const result = await vegaEmbed(box, spec, EMBED);
  box.view = result.view;
  // A figure a screen reader names (the spec's description: what it shows and its totals),
  // reachable with Tab like any control.
  box.setAttribute("role", "figure");
  box.setAttribute("aria-label", spec.description || "chart");
  box.tabIndex = 0;
  if (onClick) {
    result.view.addEventListener("click", (_, item) => {
      if (item && item.datum && !box.dragged) onClick(item.datum);
    });
  }
  return result.view;
}

// An empty answer is said in words, in the chart's place, never left as a blank frame.
function emptyState(box, message) {
  if (box.view) { box.view.finalize(); box.view = null; }
  for (const name of ["role", "aria-label", "tabindex"]) box.removeAttribute(name);
  box.replaceChildren(el("p", {class: "empty", role: "status", text: message}));
}

function collapseOf(params) { return params.get("collapse") || "event"; }

function chartWidth(box, margin) { return Math.max(220, (box.clientWidth || 800) - margin); }

// ---- relations: pairs over time ---------------------------------------------------------------

async function relations(params) {
  show("relations");
  let pairs = params.getAll("pair");
  if (!pairs.length) {
    const top = await api("/api/dyads", withParams(pick(params, SCOPE), {limit: 1}));
    if (!top.length) {
      emptyState(document.getElementById("timeline"),
        "No country pairs with these filters; remove a filter above or add articles.");
      document.getElementById("timeline-csv").replaceChildren();
      return;
    }
    pairs = [`${top[0].a},${top[0].b}`];
    history.replaceState(null, "", hashFor(["relations"], withParams(params, {pair: pairs})));
    params = withParams(params, {pair: pairs});
    chips(["relations"], params);
  }
  const interval = params.get("interval") || "month";
  const scales = params.get("scales") || "shared";
  const normalize = params.get("normalize") || "none";
  document.getElementById("interval").value = interval;
  document.getElementById("scales").value = scales;
  document.getElementById("normalize").value = normalize;
  const box = document.getElementById("timeline");
  const spec = await api("/api/charts/timeline",
    withParams(pick(params, SCOPE), {pair: pairs, interval, scales,
      normalize: normalize === "none" ? null : normalize}));
  for (const panel of spec.vconcat) panel.width = chartWidth(box, 170);
  const canonical = spec.vconcat.map(panel => panel.name);  // names as typed -> codes
  if (canonical.join("|") !== pairs.join("|")) {
    pairs = canonical;
    params = withParams(params, {pair: pairs});
    history.replaceState(null, "", hashFor(["relations"], params));
    chips(["relations"], params);
  }
  const empty = spec.vconcat.every(panel => !panel.layer[0].data.values.length);
  if (empty) {
    emptyState(box, `No events for ${spec.vconcat.map(panel => panel.title.text).join(", ")} ` +
      "with these filters; remove a filter above or add another pair.");
  } else await draw(box, spec, d => {
    if (!d.first) return;
    // The bar's own events: its pair, period and class, counted as the bar counts them.
    const filter = d.directed ? {source: d.a, target: d.b} : {a: d.a, b: d.b};
    go(["events"], withParams(pick(params, SCOPE), {...filter, since: d.first, until: d.last,
      quad: d.quad || params.get("quad"), collapse: collapseOf(params)}));
  });
  const links = [];
  const countries = new Set();
  for (const p of pairs) {
    const directed = p.includes(">");
    const [a, b] = p.split(directed ? ">" : ",");
    const q = withParams(pick(params, SCOPE), {interval, format: "csv", directed: directed ? "true" : null});
    links.push(el("a", {href: `/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline?${q}`,
      text: `${pairLabel(p)} as CSV`}));
    countries.add(a).add(b);
  }
  for (const c of countries) {
    links.push(el("a", {href: hashFor(["country", c], pick(params, SCOPE)),
      text: `All relations of ${countryNames[c] || c}`}));
  }
  document.getElementById("timeline-csv").replaceChildren(...links);
}

async function addPair(form) {
  const {parts, params} = current();
  const a = form.elements.a.value.trim(), b = form.elements.b.value.trim();
  const dir = form.elements.direction.value;
  const pair = dir === "both" ? `${a},${b}` : dir === "ab" ? `${a}>${b}` : `${b}>${a}`;
  // The server reads the names as the chart will (a misspelling is a 422 with its "did you
  // mean"); only a pair it knows becomes a chip. One empty day keeps the check cheap.
  const note = document.getElementById("pair-error");
  try {
    await api("/api/charts/timeline", new URLSearchParams({pair, since: "1900-01-01",
      until: "1900-01-01"}), null);
  } catch (err) {
    note.textContent = err.message;
    note.hidden = false;
    return;
  }
  note.hidden = true;
  const pairs = params.getAll("pair");
  if (!pairs.includes(pair)) pairs.push(pair);
  form.reset();
  go(["relations"], withParams(parts[0] === "relations" ? params : pick(params, SCOPE), {pair: pairs}));
}

// ---- pairs matrix ---------------------------------------------------------------------------

async function pairsView(params) {
  show("pairs");
  const box = document.getElementById("matrix");
  const spec = await api("/api/charts/matrix", pick(params, SCOPE));
  if (!spec.data.values.length) {
    emptyState(box, "No country pairs with these filters; remove a filter above.");
  } else await draw(box, spec, d => {
    if (d.a && d.b) go(["events"], withParams(pick(params, SCOPE), {a: d.a, b: d.b}));
  });
  document.getElementById("pairs-csv").href =
    `/api/dyads?${withParams(pick(params, SCOPE), {format: "csv", limit: 500})}`;
}

// ---- network ----------------------------------------------------------------------------------

async function networkView(params) {
  show("network");
  const box = document.getElementById("network");
  const spec = await api("/api/charts/network", pick(params, SCOPE));
  const side = Math.min(chartWidth(box, 140), 640);
  spec.width = side;
  spec.height = side;
  if (!spec.layer[0].data.values.length) {
    emptyState(box, "No country pairs with these filters; remove a filter above.");
  } else await draw(box, spec, d => {
    const scope = pick(params, SCOPE);
    if (d.a && d.b) go(["relations"], withParams(scope, {pair: `${d.a},${d.b}`}));
    else if (d.code) go(["country", d.code], scope);
  });
}

// ---- map --------------------------------------------------------------------------------------

async function mapView(params) {
  show("map");
  const box = document.getElementById("map");
  // Whose places: the act's (default), the dateline's (where stories were filed), or both.
  const role = ["dateline", "any"].includes(params.get("place_role")) ? params.get("place_role") : null;
  const scoped = withParams(pick(params, SCOPE), {place_role: role});
  document.getElementById("place-role").value = role || "event";
  document.getElementById("places-csv").href = `/api/locations?${withParams(scoped, {format: "csv"})}`;
  const spec = await api("/api/charts/map", scoped);
  spec.width = chartWidth(box, 30);
  spec.height = Math.round(spec.width * 0.5);
  const places = spec.layer[spec.layer.length - 1].data.values;
  const note = document.getElementById("map-empty");
  note.hidden = places.length > 0;  // the world stays, and says there is nothing on it
  const view = await draw(box, spec, d => {
    if (d.cluster !== undefined) {
      if (d.places === 1) go(["events"], withParams(scoped, {location: d.name}));
      else setMap(view, {zoom: Number(box.dataset.zoom) * 2.5, lon: d.lon, lat: d.lat});
    } else if (d.code) {
      go(["country", d.code], pick(params, SCOPE));
    }
  });
  await setMap(view, {zoom: Number(params.get("zoom") || 1), lon: Number(params.get("lon") || 10),
    lat: Number(params.get("lat") || 0)});
}

async function setMap(view, {zoom, lon, lat}) {
  const box = document.getElementById("map");
  zoom = Math.min(40, Math.max(1, zoom));
  lat = Math.min(75, Math.max(-60, lat));
  lon = ((lon + 540) % 360) - 180;
  await view.signal("zoom", zoom).signal("lon", lon).signal("lat", lat).runAsync();
  Object.assign(box.dataset, {zoom: String(zoom), lon: lon.toFixed(2), lat: lat.toFixed(2)});
  const {parts, params} = current();
  if (parts[0] === "map") {  // the URL keeps the view, without redrawing it
    history.replaceState(null, "", hashFor(parts, withParams(params,
      {zoom: zoom === 1 ? null : zoom.toFixed(2), lon: box.dataset.lon, lat: box.dataset.lat})));
  }
}

function mapState() {
  const box = document.getElementById("map");
  return {zoom: Number(box.dataset.zoom), lon: Number(box.dataset.lon), lat: Number(box.dataset.lat)};
}

function wireMap() {
  const box = document.getElementById("map");
  const zoomBy = f => { if (box.view) { const s = mapState(); setMap(box.view, {...s, zoom: s.zoom * f}); } };
  document.getElementById("zoom-in").addEventListener("click", () => zoomBy(2));
  document.getElementById("zoom-out").addEventListener("click", () => zoomBy(0.5));
  document.getElementById("zoom-reset").addEventListener("click",
    () => box.view && setMap(box.view, {zoom: 1, lon: 10, lat: 0}));
  document.getElementById("place-role").addEventListener("change", e => {
    const {params} = current();
    go(["map"], withParams(params, {place_role: e.target.value === "event" ? null : e.target.value}));
  });
  // The keyboard's way round the map, once it has focus: + and − zoom, the arrows pan.
  box.addEventListener("keydown", e => {
    if (!box.view) return;
    const s = mapState(), step = 30 / s.zoom;
    const moves = {"+": {zoom: s.zoom * 2}, "=": {zoom: s.zoom * 2}, "-": {zoom: s.zoom / 2},
      ArrowLeft: {lon: s.lon - step}, ArrowRight: {lon: s.lon + step},
      ArrowUp: {lat: s.lat + step}, ArrowDown: {lat: s.lat - step}};
    if (!moves[e.key]) return;
    e.preventDefault();
    setMap(box.view, {...s, ...moves[e.key]});
  });
  box.addEventListener("wheel", e => { e.preventDefault(); zoomBy(e.deltaY < 0 ? 1.25 : 0.8); },
    {passive: false});
  let start = null;
  box.addEventListener("pointerdown", e => { start = {x: e.clientX, y: e.clientY, ...mapState()}; box.dragged = false; });
  box.addEventListener("pointermove", e => {
    if (!start || !box.view) return;
    const dx = e.clientX - start.x, dy = e.clientY - start.y;
    if (!box.dragged && Math.hypot(dx, dy) < 5) return;
    box.dragged = true;
    const degrees = 180 / (Math.PI * start.zoom * box.view.width() / 5.6);  // per pixel
    setMap(box.view, {zoom: start.zoom, lon: start.lon - dx * degrees, lat: start.lat + dy * degrees});
  });
  const end = () => { start = null; setTimeout(() => { box.dragged = false; }, 0); };
  box.addEventListener("pointerup", end);
  box.addEventListener("pointerleave", end);
}

// ---- a country's relations --------------------------------------------------------------------

async function countryView(code, params) {
  show("country");
  const scope = pick(params, SCOPE);
  if (!code) {  // from the navigation: the busiest country
    const busiest = await api("/api/countries", scope);
    if (!busiest.length) {
      document.getElementById("country-title").textContent = "";
      document.getElementById("country-meta").textContent = "";
      emptyState(document.getElementById("partners"), "No countries with these filters.");
      return;
    }
    code = busiest[0].code;
    history.replaceState(null, "", hashFor(["country", code], params));
  }
  lastCountry = code;
  navLinks(params);
  const spec = await api(`/api/charts/partners/${encodeURIComponent(code)}`, scope);
  const rows = await api("/api/countries", scope);
  const found = spec.data.values.length ? spec.data.values[0].a : null;
  const me = rows.find(r => r.code === found || r.code === code.toUpperCase());
  document.getElementById("country-title").textContent = me ? `${me.name} (${me.code})` : code;
  document.getElementById("country-meta").textContent = me
    ? `${me.events} events: ${me.cooperation} cooperative, ${me.conflict} conflictual ` +
      `(balance ${me.balance > 0 ? "+" : ""}${me.balance}). Click a partner for the pair's timeline.`
    : "No events in this period.";
  const box = document.getElementById("partners");
  spec.width = chartWidth(box, 200);
  if (!spec.data.values.length) {
    emptyState(box, "No partners with these filters; remove a filter above.");
  } else await draw(box, spec, d => { if (d.a && d.b) go(["relations"], withParams(scope, {pair: `${d.a},${d.b}`})); });
  document.getElementById("partners-csv").href =
    `/api/dyads?${withParams(scope, {country: code, format: "csv", limit: 500})}`;
}

// ---- events table -----------------------------------------------------------------------------

function groupedActor(text, code) {
  return code ? `${text} (${code})` : text || "–";
}

function actorLabel(a) {
  if (!a) return "–";
  // The CAMEO code (USAGOV, IGOWSTNAT, PSEREBHMS); a record from before codes, its parts.
  const code = a.code || [a.country, a.sector].filter(Boolean).join(" ");
  return code ? `${a.text} (${code})` : a.text;
}

function cell(label, content, attrs = {}) {
  const td = el("td", {"data-label": label, ...attrs});
  td.append(content);
  return td;
}

// A date as precisely as the text gives it: "2019-03" for a month, "2019" for a year, "week of
// 2025-10-13"; never a made-up day (the stored date is the period's first day).
function dateLabel(date, precision) {
  if (!date) return "";
  if (precision === "month") return date.slice(0, 7);
  if (precision === "year") return date.slice(0, 4);
  if (precision === "week") return `week of ${date}`;
  return date;
}

// A place as found: a dateline says where the story was filed, not where the act happened.
function placeLabel(place) {
  if (!place) return "";
  return place.role === "dateline" ? `${place.name} (dateline)` : place.name;
}

async function eventsView(params) {
  show("events");
  const offset = Number(params.get("offset") || 0);
  const grouped = params.get("group") === "1";
  document.getElementById("grouped").checked = grouped;
  const query = pick(params, [...SCOPE, ...EVENT_ONLY]);
  const paging = withParams(query, {limit: PAGE, offset});
  const tbody = document.querySelector("#events-table tbody");
  const collapse = collapseOf(params);
  const counted = withParams(query, {collapse});
  document.getElementById("events-csv").href =
    `/api/events?${withParams(paging, {collapse, format: "csv"})}`;
  for (const [id, format] of [["export-csv", "csv"], ["export-parquet", "parquet"], ["export-jsonl", "jsonl"]]) {
    document.getElementById(id).href = `/api/events/export?${withParams(counted, {format})}`;
  }
  if (grouped) {
    const rows = await api("/api/events/grouped", paging);
    document.getElementById("events-count").textContent =
      `${rows.length} grouped events on this page (repeated reports of one event as one row)`;
    tbody.replaceChildren(...rows.map(g => el("tr", {"data-event": g.id},
      cell("Date", dateLabel(g.date, g.date_precision)), cell("Type", `${g.type} · ${g.cameo}`, {class: `type quad${g.quad}`}),
      cell("Source", groupedActor(g.source_text, g.source_code || g.source_country)),
      cell("Target", groupedActor(g.target_text, g.target_code || g.target_country)),
      cell("Where", ""), cell("Conf.", ""), cell("Intensity", String(Math.round(g.intensity * 10) / 10)),
      cell("Amounts", `${g.reports} reports, ${g.stories} stories`),
      cell("Evidence", el("a", {href: hashFor(["article", g.evidence[0].article_id],
        new URLSearchParams({event: g.evidence[0].event_id})), text: g.evidence[0].sentence}),
        {class: "sentence"}))));
    pager(params, offset, rows.length === PAGE ? offset + PAGE + 1 : offset + rows.length);
    return;
  }
  const data = await api("/api/events", withParams(paging, {collapse}));
  const from = data.total ? offset + 1 : 0;
  document.getElementById("events-count").textContent =
    `${data.total} events (counting ${COUNTING[data.collapse] || data.collapse})` +
    (data.total ? `, showing ${from}–${offset + data.events.length}` : "");
  tbody.replaceChildren(...data.events.map(e => el("tr", {"data-event": e.id},
    cell("Date", dateLabel(e.date, e.date_precision)),
    cell("Type", `${e.type}${e.mode ? ` (${e.mode})` : ""} · ${e.cameo}`, {class: `type quad${e.quad}`}),
    cell("Source", actorLabel(e.source)), cell("Target", actorLabel(e.target)),
    cell("Where", placeLabel(e.location)),
    cell("Conf.", e.confidence.toFixed(2), {class: "num"}),
    cell("Intensity", String(e.intensity), {class: "num"}),
    cell("Amounts", [...(e.attributes.amounts || []).map(x => x.text),
      ...(e.reports > 1 ? [`${e.reports} reports`] : []),
      ...(e.duplicate_of ? [`copy of ${e.duplicate_of}`] : [])].join("; ")),
    cell("Evidence", el("a", {href: hashFor(["article", e.article_id], new URLSearchParams({event: e.id})),
      text: e.sentence}), {class: "sentence"}))));
  if (!data.events.length) tbody.replaceChildren(el("tr", {}, el("td", {colspan: 9,
    text: "No events match these filters; remove a filter above."})));
  pager(params, offset, data.total);
  document.getElementById("events-table").dataset.for = location.hash;  // drawn for this state
}

function pager(params, offset, total) {
  const prev = document.getElementById("prev"), next = document.getElementById("next");
  prev.disabled = offset === 0;
  next.disabled = offset + PAGE >= total;
  prev.onclick = () => go(["events"], withParams(params, {offset: Math.max(0, offset - PAGE) || null}));
  next.onclick = () => go(["events"], withParams(params, {offset: offset + PAGE}));
}

// ---- article view -----------------------------------------------------------------------------

async function article(id, params) {
  show("article");
  const title = document.getElementById("article-title");
  for (const part of ["article-meta", "article-text", "article-events", "article-quotes"]) {
    document.getElementById(part).replaceChildren();
  }
  title.textContent = "";
  const body = document.getElementById("article-body");
  body.hidden = true;
  let a;
  try {
    a = await api(`/api/articles/${encodeURIComponent(id)}`);
  } catch (err) {
    if (err.status === 404) { title.textContent = `No article “${id}” in this database.`; return; }
    throw err;
  }
  body.hidden = false;
  const focus = params.get("event");
  title.textContent = a.title || a.id;
  const meta = [a.date, a.source, a.url].filter(Boolean).join(" · ");
  document.getElementById("article-meta").textContent =
    meta + (a.duplicate_of ? ` · copy of ${a.duplicate_of}` : "") +
    (a.copies.length ? ` · ${a.copies.length} syndicated copies` : "");
  // Mark trigger and actor spans; overlapping spans keep the first (triggers win).
  const marks = [];
  for (const e of a.events) {
    marks.push([e.trigger.start, e.trigger.end, "trigger", e.id]);
    if (e.source) marks.push([e.source.start, e.source.end, "source", e.id]);
    if (e.target) marks.push([e.target.start, e.target.end, "target", e.id]);
  }
  marks.sort((x, y) => x[0] - y[0] || (x[2] === "trigger" ? -1 : 1));
  const box = document.getElementById("article-text");
  let pos = 0;
  for (const [start, end, kind, eventId] of marks) {
    if (start < pos) continue;
    box.append(document.createTextNode(a.text.slice(pos, start)));
    const cls = (kind === "trigger" ? "trigger" : `actor ${kind}`) + (eventId === focus ? " focus" : "");
    box.append(el(kind === "trigger" ? "mark" : "span", {class: cls, "data-event": eventId,
      text: a.text.slice(start, end)}));
    pos = end;
  }
  box.append(document.createTextNode(a.text.slice(pos)));
  document.getElementById("article-events").replaceChildren(...a.events.map(e => el("li",
    {"data-event": e.id, class: e.id === focus ? "focus" : ""},
    el("span", {class: `type quad${e.quad}`, text: `${e.type} · ${e.cameo}`}),
    document.createTextNode(` ${actorLabel(e.source)} → ${actorLabel(e.target)}` +
      (e.location ? (e.location.role === "dateline" ? ` (filed in ${e.location.name})`
        : ` in ${e.location.name}`) : "") +
      (e.negated ? " (denied)" : "") + (e.modality !== "asserted" ? ` (${e.modality})` : "") +
      ` — confidence ${e.confidence.toFixed(2)} — rule: ${e.rule}`))));
  document.getElementById("article-quotes").replaceChildren(...(a.quotes || []).map(q => el("li", {},
    el("q", {text: q.text}),
    document.createTextNode(` — ${q.speaker ? actorLabel(q.speaker) : "unattributed"} (${q.kind})`))));
  const target = box.querySelector("mark.focus");
  if (target) target.scrollIntoView({block: "center"});
}

// ---- alerts -----------------------------------------------------------------------------------

// The alert rule's settings (the API's parameters) and their defaults: the URL holds them.
const ALERT_SETTINGS = {interval: "month", baseline: "3", threshold: "3", min_events: "3"};

// The first day of the period n periods after the one starting on ISO day `start`.
function addPeriods(start, interval, n) {
  const [y, m, d] = start.slice(0, 10).split("-").map(Number);
  const months = {month: 1, quarter: 3, year: 12}[interval];
  const day = months ? new Date(Date.UTC(y, m - 1 + n * months, 1))
    : new Date(Date.UTC(y, m - 1, d + n * (interval === "week" ? 7 : 1)));
  return day.toISOString().slice(0, 10);
}

function lastDay(start, interval) {
  const next = new Date(addPeriods(start, interval, 1) + "T00:00:00Z");
  return new Date(next - 86400000).toISOString().slice(0, 10);
}

async function alerts(params) {
  show("alerts");
  const settings = Object.fromEntries(Object.entries(ALERT_SETTINGS).map(
    ([k, v]) => [k, params.get(k) || v]));
  const form = document.getElementById("alert-controls");
  for (const [k, v] of Object.entries(settings)) form.elements[k].value = v;
  const {interval, baseline, threshold} = settings;
  const odds = Math.pow(10, Number(threshold));
  document.getElementById("alerts-about").textContent = `Pairs whose conflict or cooperation ` +
    `in a ${interval} is surprising against their previous ${baseline} ${interval}` +
    `${baseline === "1" ? "" : "s"} (a Poisson test; surprise ${threshold} is a one-in-` +
    `${Math.round(odds).toLocaleString("en")} chance; a pair's history starts at its first ` +
    `events), with at least ${settings.min_events} events and the articles that drove the change.`;
  const query = withParams(pick(params, SCOPE), settings);
  document.getElementById("alerts-csv").href =
    `/api/alerts?${withParams(query, {format: "csv"})}`;
  const items = await api("/api/alerts", query);
  const list = document.getElementById("alerts");
  list.replaceChildren(...items.map(al => {
    // The alert's period and the baseline before it: the links open that stretch, not all time.
    const end = lastDay(al.period, interval);
    const start = addPeriods(al.period, interval, -Number(baseline));
    const scope = withParams(pick(params, SCOPE), {since: null, until: null});
    return el("li", {"data-period": al.period, "data-until": end},
    el("a", {href: hashFor(["relations"], withParams(scope, {pair: `${al.a},${al.b}`,
      since: start, until: end, interval})), class: "alert-pair",
      text: `${countryNames[al.a] || al.a} – ${countryNames[al.b] || al.b}`}),
    document.createTextNode(`: ${al.measure} ${al.value} in ${periodLabel(al.period, interval)} ` +
      `(expected ${al.expected}, surprise ${al.surprise}) — `),
    el("a", {href: hashFor(["events"], withParams(scope, {a: al.a, b: al.b, since: al.period,
      until: end, collapse: collapseOf(params)})), class: "alert-events",
      text: `that ${interval}'s events`}), " — ",
    ...al.articles.flatMap((x, n) => [n ? " · " : "", el("a", {
      href: hashFor(["article", x.id], new URLSearchParams()), text: x.title || x.id,
      "data-article": x.id})]));
  }));
  if (!items.length) list.replaceChildren(el("li", {text: "No surprising shifts."}));
}

function periodLabel(start, interval) {
  if (interval === "year") return start.slice(0, 4);
  if (interval === "quarter") return `${start.slice(0, 4)} Q${(Number(start.slice(5, 7)) + 2) / 3}`;
  if (interval === "month") return start.slice(0, 7);
  return `the week of ${start.slice(0, 10)}`;
}

// ---- routing ----------------------------------------------------------------------------------

// Which route is the latest: only its end may clear the stale marks, so that an older route's
// late finish never unmarks a view still waiting for the newer answer.
let routeNumber = 0;

// While a route's answer is on its way, what is on screen (chart, count, table) was drawn for
// the filters before: every view is marked stale (faded, aria-busy) and a status line says so.
function markStale(stale) {
  document.querySelectorAll(".view").forEach(v => {
    v.classList.toggle("stale", stale);
    v.setAttribute("aria-busy", stale ? "true" : "false");
  });
  document.getElementById("loading").hidden = !stale;
}

async function route() {
  routing.abort();
  routing = new AbortController();
  const mine = ++routeNumber;
  const {parts, params} = current();
  markStale(true);
  showError("");
  fillScope(params);
  chips(parts, params);
  navLinks(params);
  try {
    if (parts[0] === "pairs") await pairsView(params);
    else if (parts[0] === "map") await mapView(params);
    else if (parts[0] === "network") await networkView(params);
    else if (parts[0] === "events") await eventsView(params);
    else if (parts[0] === "article") await article(parts[1] || "", params);
    else if (parts[0] === "alerts") await alerts(params);
    else if (parts[0] === "country") await countryView(parts[1] || "", params);
    else await relations(params);
  } catch (err) {
    if (err.name !== "AbortError") showError(err.message);
  } finally {
    if (mine === routeNumber) {
      markStale(false);
      document.querySelector("main").dataset.for = location.hash;  // drawn for this state
    }
  }
}

async function init() {
  const typeSelect = document.querySelector("#scope select[name=type]");
  for (const t of TYPES) typeSelect.append(el("option", {value: t, text: t}));
  document.getElementById("scope").addEventListener("submit", e => {
    e.preventDefault();
    const {parts, params} = current();
    const changes = {offset: null};
    for (const input of e.target.elements) if (input.name) changes[input.name] = input.value;
    if (parts[0] !== "events") { delete changes.actor; delete changes.text; }
    go(parts.length ? parts : ["relations"], withParams(params, changes));
  });
  document.getElementById("pair-picker").addEventListener("submit", e => { e.preventDefault(); addPair(e.target); });
  document.getElementById("interval").addEventListener("change", e => {
    const {params} = current();
    go(["relations"], withParams(params, {interval: e.target.value}));
  });
  document.getElementById("normalize").addEventListener("change", e => {
    const {params} = current();
    go(["relations"], withParams(params, {normalize: e.target.value === "none" ? null : e.target.value}));
  });
  document.getElementById("scales").addEventListener("change", e => {
    const {params} = current();
    go(["relations"], withParams(params, {scales: e.target.value === "shared" ? null : e.target.value}));
  });
  document.getElementById("alert-controls").addEventListener("submit", e => {
    e.preventDefault();
    if (!e.target.reportValidity()) return;
    const {params} = current();
    const changes = {};
    for (const [k, v] of Object.entries(ALERT_SETTINGS)) {
      const value = e.target.elements[k].value;
      changes[k] = value === v ? null : value;  // defaults stay out of the URL
    }
    go(["alerts"], withParams(params, changes));
  });
  document.getElementById("grouped").addEventListener("change", e => {
    const {params} = current();
    go(["events"], withParams(params, {group: e.target.checked ? "1" : null, offset: null}));
  });
  wireMap();
  window.addEventListener("hashchange", route);
  const first = route();  // the view, while the names for labels load beside it
  try {
    const [s, countries] = await Promise.all([api("/api/summary", undefined, null),
      api("/api/countries", undefined, null)]);
    countryNames = Object.fromEntries(countries.map(c => [c.code, c.name]));
    document.getElementById("country-names").replaceChildren(...countries.map(c =>
      el("option", {value: c.name, label: `${c.code} · ${c.events} events`})));
    document.getElementById("summary").textContent = s.articles
      ? `${s.articles} articles, ${s.events} events, ${s.first || "–"} to ${s.last || "–"}`
      : "Empty database: add articles with 'eventwire ingest FILE --db THIS_FILE'.";
    const {parts, params} = current();
    chips(parts, params);  // again, with country names
  } catch (err) {
    showError(err.message);
  }
  await first;
}

init();
