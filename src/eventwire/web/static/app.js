// eventwire dashboard: plain JavaScript over the JSON API. Every piece of data is inserted as
// text (textContent / createTextNode), never as HTML, so article text cannot run as script.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PAGE = 25;

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== "" && v != null) url.searchParams.set(k, v);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return res.json();
}

function show(view) {
  document.querySelectorAll(".view").forEach(v => { v.hidden = v.id !== `view-${view}`; });
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.view === view));
}

function actorLabel(a) {
  if (!a) return "–";
  const code = [a.country, a.sector].filter(Boolean).join(" ");
  return code ? `${a.text} (${code})` : a.text;
}

function go(hash) { location.hash = hash; }

// ---- relations: dyad picker and timeline ---------------------------------------------------

let dyadsLoaded = false;

async function relations(a, b) {
  show("relations");
  const picker = document.getElementById("dyad-picker");
  if (!dyadsLoaded) {
    const dyads = await api("/api/dyads", {limit: 60});
    picker.replaceChildren(...dyads.map(d => el("option", {value: `${d.a}/${d.b}`,
      text: `${d.a}–${d.b}  (${d.events} events, balance ${d.balance > 0 ? "+" : ""}${d.balance})`})));
    dyadsLoaded = true;
    if (!dyads.length) {
      document.getElementById("timeline-title").textContent = "No country pairs yet.";
      return;
    }
  }
  if (a && b) picker.value = `${a}/${b}`;
  [a, b] = picker.value.split("/");
  const interval = document.getElementById("interval").value;
  const data = await api(`/api/dyads/${a}/${b}/timeline`, {interval});
  document.getElementById("timeline-title").textContent = `${a} – ${b} by ${interval}`;
  drawTimeline(data.periods, a, b, interval);
  drawDyadTable(data.periods);
}

function periodEnd(start, interval) {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else {
    d.setUTCMonth(d.getUTCMonth() + (interval === "quarter" ? 3 : 1));
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return d.toISOString().slice(0, 10);
}

function drawTimeline(periods, a, b, interval) {
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const width = svg.clientWidth || 900, height = 320, mid = height / 2, pad = 40;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const max = Math.max(1, ...periods.map(p => Math.max(p.verbal_coop + p.material_coop,
    p.verbal_conflict + p.material_conflict)));
  const scale = (mid - 24) / max;
  const step = periods.length ? (width - 2 * pad) / periods.length : 0;
  const bar = Math.max(4, Math.min(48, step * 0.6));
  svg.append(el("svg:line", {class: "axis", x1: pad, x2: width - pad, y1: mid, y2: mid}));
  const points = [];
  periods.forEach((p, i) => {
    const x = pad + i * step + (step - bar) / 2;
    const g = el("svg:g", {class: "period", "data-period": p.period,
      onclick: () => go(`#/events?a=${a}&b=${b}&since=${p.period}&until=${periodEnd(p.period, interval)}`)});
    let up = mid, down = mid;
    for (const [key, cls] of [["verbal_coop", "q1"], ["material_coop", "q2"]]) {
      const h = p[key] * scale; up -= h;
      if (h) g.append(el("svg:rect", {class: cls, x, y: up, width: bar, height: h}));
    }
    for (const [key, cls] of [["verbal_conflict", "q3"], ["material_conflict", "q4"]]) {
      const h = p[key] * scale;
      if (h) g.append(el("svg:rect", {class: cls, x, y: down, width: bar, height: h}));
      down += h;
    }
    g.append(el("svg:title", {text: `${p.period}: ${p.events} events, net score ${p.net_score}, ` +
      Object.entries(p.types).map(([t, n]) => `${t} ${n}`).join(", ")}));
    g.append(el("svg:text", {class: "label", x: x + bar / 2, y: height - 6, "text-anchor": "middle",
      text: p.period.slice(0, 7)}));
    svg.append(g);
    if (p.cooperation_index !== null) points.push(`${x + bar / 2},${mid - p.cooperation_index * (mid - 24)}`);
  });
  if (points.length > 1) svg.append(el("svg:polyline", {class: "netline", points: points.join(" ")}));
}

function drawDyadTable(periods) {
  const rows = periods.map(p => el("tr", {},
    el("td", {text: p.period}), el("td", {text: String(p.events)}),
    el("td", {text: String(p.verbal_coop + p.material_coop)}),
    el("td", {text: String(p.verbal_conflict + p.material_conflict)}),
    el("td", {text: String(p.net_score)}),
    el("td", {text: p.cooperation_index === null ? "–" : String(p.cooperation_index)})));
  const table = el("table", {}, el("thead", {}, el("tr", {}, ...["Period", "Events", "Cooperation",
    "Conflict", "Net score", "Cooperation index"].map(h => el("th", {text: h})))), el("tbody", {}, ...rows));
  document.getElementById("dyad-table").replaceChildren(table);
}

// ---- network --------------------------------------------------------------------------------

async function network() {
  show("network");
  const data = await api("/api/network", {since: document.getElementById("net-since").value,
    until: document.getElementById("net-until").value});
  const svg = document.getElementById("network");
  svg.replaceChildren();
  const cx = 350, cy = 280, r = 230, pos = {};
  data.nodes.forEach((n, i) => {
    const t = 2 * Math.PI * i / Math.max(1, data.nodes.length);
    pos[n.id] = [cx + r * Math.cos(t), cy + r * Math.sin(t)];
  });
  const maxEvents = Math.max(1, ...data.edges.map(e => e.events));
  for (const e of data.edges) {
    const [x1, y1] = pos[e.a], [x2, y2] = pos[e.b];
    const share = e.cooperation / Math.max(1, e.events);
    const color = `rgb(${Math.round(192 * (1 - share) + 46 * share)},${Math.round(57 * (1 - share) + 139 * share)},${Math.round(43 * (1 - share) + 87 * share)})`;
    const line = el("svg:line", {class: "edge", x1, y1, x2, y2, stroke: color,
      "stroke-width": 1 + 9 * e.events / maxEvents, "data-pair": `${e.a}-${e.b}`,
      onclick: () => go(`#/events?a=${e.a}&b=${e.b}`)});
    line.append(el("svg:title", {text: `${e.a}–${e.b}: ${e.cooperation} cooperative, ${e.conflict} conflictual`}));
    svg.append(line);
  }
  for (const n of data.nodes) {
    const [x, y] = pos[n.id];
    svg.append(el("svg:g", {class: "node"}, el("svg:circle", {cx: x, cy: y, r: 4 + Math.sqrt(n.events)}),
      el("svg:text", {x: x + 8, y: y - 8, text: n.id})));
  }
}

// ---- map ------------------------------------------------------------------------------------

let world = null;

async function map() {
  show("map");
  const svg = document.getElementById("map");
  if (!world) world = await api("/static/world.json");
  const places = await api("/api/locations");
  svg.replaceChildren(...world.map(c => el("svg:path", {class: "country", d: c.d},
    el("svg:title", {text: c.name || ""}))));
  const max = Math.max(1, ...places.map(p => p.events));
  for (const p of places) {
    const share = p.conflict / p.events;
    const dot = el("svg:circle", {class: "place", cx: p.lon + 180, cy: 90 - p.lat,
      r: 1 + 3 * Math.sqrt(p.events / max), fill: share > 0.5 ? "#c0392b" : "#2e8b57",
      "data-place": p.name, onclick: () => go(`#/events?location=${encodeURIComponent(p.name)}`)});
    dot.append(el("svg:title", {text: `${p.name}: ${p.events} events`}));
    svg.append(dot);
  }
}

// ---- events table ---------------------------------------------------------------------------

let offset = 0;

async function eventsView(params) {
  show("events");
  const form = document.getElementById("filters");
  for (const input of form.elements) if (input.name) input.value = params.get(input.name) || "";
  offset = Number(params.get("offset") || 0);
  const query = Object.fromEntries([...params.entries()].filter(([k]) => k !== "offset"));
  const data = await api("/api/events", {...query, limit: PAGE, offset});
  const from = data.total ? offset + 1 : 0;
  document.getElementById("events-count").textContent =
    `${data.total} events${data.total ? `, showing ${from}–${offset + data.events.length}` : ""}`;
  const rows = data.events.map(e => el("tr", {"data-event": e.id},
    el("td", {text: e.date || ""}),
    el("td", {class: `type quad${e.quad}`, text: e.type + (e.mode ? ` (${e.mode})` : "")}),
    el("td", {text: actorLabel(e.source)}), el("td", {text: actorLabel(e.target)}),
    el("td", {text: e.location ? e.location.name : ""}),
    el("td", {class: "sentence"}, el("a", {href: `#/article/${encodeURIComponent(e.article_id)}`,
      text: e.sentence}))));
  document.querySelector("#events-table tbody").replaceChildren(...rows);
  document.getElementById("prev").disabled = offset === 0;
  document.getElementById("next").disabled = offset + PAGE >= data.total;
}

function eventsHash(extra = {}) {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const input of form.elements) if (input.name && input.value) params.set(input.name, input.value);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `#/events?${params}`;
}

// ---- article view ---------------------------------------------------------------------------

async function article(id) {
  show("article");
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  document.getElementById("article-title").textContent = a.title || a.id;
  const meta = [a.date, a.source, a.url].filter(Boolean).join(" · ");
  document.getElementById("article-meta").textContent =
    meta + (a.duplicate_of ? ` · copy of ${a.duplicate_of}` : "") +
    (a.copies.length ? ` · ${a.copies.length} syndicated copies` : "");
  // Mark trigger and actor spans; overlapping spans keep the first (triggers win).
  const marks = [];
  for (const e of a.events) {
    marks.push([e.trigger.start, e.trigger.end, "trigger"]);
    if (e.source) marks.push([e.source.start, e.source.end, "source"]);
    if (e.target) marks.push([e.target.start, e.target.end, "target"]);
  }
  marks.sort((x, y) => x[0] - y[0] || (x[2] === "trigger" ? -1 : 1));
  const box = document.getElementById("article-text");
  box.replaceChildren();
  let pos = 0;
  for (const [start, end, kind] of marks) {
    if (start < pos) continue;
    box.append(document.createTextNode(a.text.slice(pos, start)));
    box.append(kind === "trigger" ? el("mark", {class: "trigger", text: a.text.slice(start, end)})
      : el("span", {class: `actor ${kind}`, text: a.text.slice(start, end)}));
    pos = end;
  }
  box.append(document.createTextNode(a.text.slice(pos)));
  document.getElementById("article-events").replaceChildren(...a.events.map(e => el("li", {},
    el("span", {class: `type quad${e.quad}`, text: e.type}),
    document.createTextNode(` ${actorLabel(e.source)} → ${actorLabel(e.target)}` +
      (e.negated ? " (denied)" : "") + (e.modality !== "asserted" ? ` (${e.modality})` : "") +
      ` — rule: ${e.rule}`))));
  document.getElementById("article-quotes").replaceChildren(...(a.quotes || []).map(q => el("li", {},
    el("q", {text: q.text}),
    document.createTextNode(` — ${q.speaker ? actorLabel(q.speaker) : "unattributed"} (${q.kind})`))));
}

// ---- alerts ---------------------------------------------------------------------------------

async function alerts() {
  show("alerts");
  const items = await api("/api/alerts");
  const list = document.getElementById("alerts");
  list.replaceChildren(...items.map(al => el("li", {},
    el("a", {href: `#/relations/${al.a}/${al.b}`, text: `${al.a}–${al.b}`}),
    document.createTextNode(` ${al.measure} ${al.value} in ${al.period.slice(0, 7)} ` +
      `(baseline ${al.baseline_mean}) — `),
    ...al.articles.map(x => el("a", {href: `#/article/${encodeURIComponent(x.id)}`,
      text: (x.title || x.id) + " ", "data-article": x.id})))));
  if (!items.length) list.replaceChildren(el("li", {text: "No shifts found."}));
}

// ---- routing --------------------------------------------------------------------------------

async function route() {
  const [path, query] = location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "network") await network();
    else if (parts[0] === "map") await map();
    else if (parts[0] === "events") await eventsView(new URLSearchParams(query || ""));
    else if (parts[0] === "article") await article(parts[1]);
    else if (parts[0] === "alerts") await alerts();
    else await relations(parts[1], parts[2]);
  } catch (err) {
    document.getElementById("summary").textContent = `Error: ${err.message}`;
  }
}

async function init() {
  const typeSelect = document.querySelector("#filters select[name=type]");
  for (const t of TYPES) typeSelect.append(el("option", {value: t, text: t}));
  document.getElementById("dyad-picker").addEventListener("change",
    e => go(`#/relations/${e.target.value}`));
  document.getElementById("interval").addEventListener("change", () => relations());
  document.getElementById("net-since").addEventListener("change", network);
  document.getElementById("net-until").addEventListener("change", network);
  document.getElementById("filters").addEventListener("submit", e => { e.preventDefault(); go(eventsHash()); });
  document.getElementById("clear-filters").addEventListener("click", () => go("#/events"));
  document.getElementById("prev").addEventListener("click", () => go(eventsHash({offset: Math.max(0, offset - PAGE)})));
  document.getElementById("next").addEventListener("click", () => go(eventsHash({offset: offset + PAGE})));
  window.addEventListener("hashchange", route);
  const s = await api("/api/summary");
  document.getElementById("summary").textContent =
    `${s.articles} articles, ${s.events} events, ${s.first || "–"} to ${s.last || "–"}`;
  await route();
}

init();
