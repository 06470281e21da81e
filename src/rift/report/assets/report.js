/* rift report: builds the timeline, chart, causal graph, tables and text view from the JSON
 * block #rift-data. Every piece of text from the data goes into the page through textContent
 * (never innerHTML), so a document that contains markup shows it as text. The timeline is
 * rift's own (timeline.js); the chart and graph libraries (uPlot, cytoscape) are optional:
 * without them those views fall back to tables. */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("rift-data").textContent);
  const HAS = {
    timeline: typeof RiftTimeline === "function",
    chart: typeof uPlot === "function",
    graph: typeof cytoscape === "function",
  };
  const DAY = 86400000;
  const MAX_ROWS = 2000;
  const MAX_CHIPS = 400;
  const MAX_GRAPH_LINKS = 400;
  const report = (window.riftReport = { data: DATA, has: HAS, ready: {}, timings: {} });

  // ---------- small helpers ----------
  const $ = (id) => document.getElementById(id);

  /** Make an element; attrs: class, text, title, data-*, aria-*, on<event>; children: nodes or strings. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = String(value);
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? String(child) : child);
    }
    return node;
  }

  function truncate(text, n) {
    const s = String(text || "").replace(/\s+/g, " ").trim();
    return s.length > n ? s.slice(0, n - 1) + "\u2026" : s;
  }

  function markReady(part) {
    report.ready[part] = true;
    report.timings[part] = performance.now();
    document.documentElement.setAttribute("data-" + part + "-ready", "1");
  }

  function safely(name, fn) {
    const t0 = performance.now();
    try {
      fn();
      report.timings["build_" + name] = performance.now() - t0;
    } catch (err) {
      console.error("rift report: the " + name + " view failed:", err);
      const box = $(name);
      if (box) put(box, el("p", { class: "notice", text: "This view could not be drawn: " + err }));
    }
  }

  function clickable(row, handler) {
    row.classList.add("clickable");
    row.tabIndex = 0;
    row.addEventListener("click", handler);
    row.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        handler(ev);
      }
    });
    return row;
  }

  function table(className, headers, rows) {
    const head = el("tr", null, ...headers.map((h) => el("th", { text: h })));
    return el("table", { class: "rows " + className }, el("thead", null, head), el("tbody", null, ...rows));
  }

  /** Replace the children of `box` with `nodes`, skipping the empty ones. */
  function put(box, ...nodes) {
    box.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined && n !== false));
    return box;
  }

  function more(shown, total, what) {
    return total > shown ? el("p", { class: "more", text: `Showing ${shown} of ${total} ${what}.` }) : null;
  }

  // ---------- dates ----------
  function utc(y, m, d) {
    const dt = new Date(0);
    dt.setUTCFullYear(y, m - 1, d);
    dt.setUTCHours(0, 0, 0, 0);
    return dt.getTime();
  }
  const SEASONS = { SP: [3, 6], SU: [6, 9], FA: [9, 12], WI: [12, 15] };

  /** [start, end) in ms of a date or bin label: 1958, 1958-11, 1958-11-03, 1958-Q3, 1958-FA, 1950s, 196 (decade). */
  function dateRange(value) {
    if (value === null || value === undefined || value === "") return null;
    const s = String(value).trim();
    let m;
    if ((m = /^(-?\d+)s$/.exec(s))) return [utc(+m[1], 1, 1), utc(+m[1] + 10, 1, 1)];
    if ((m = /^(\d{3})$/.exec(s))) return [utc(+m[1] * 10, 1, 1), utc(+m[1] * 10 + 10, 1, 1)];
    if ((m = /^(-?\d{1,6})-Q([1-4])$/.exec(s))) {
      const m0 = 3 * (+m[2] - 1) + 1;
      return [utc(+m[1], m0, 1), utc(+m[1], m0 + 3, 1)];
    }
    if ((m = /^(-?\d{1,6})-(SP|SU|FA|WI)$/.exec(s))) {
      const [a, b] = SEASONS[m[2]];
      return [utc(+m[1], a, 1), utc(+m[1], b, 1)];
    }
    if ((m = /^(-?\d{1,6})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T.*)?$/.exec(s))) {
      const y = +m[1];
      if (!m[2]) return [utc(y, 1, 1), utc(y + 1, 1, 1)];
      if (!m[3]) return [utc(y, +m[2], 1), utc(y, +m[2] + 1, 1)];
      return [utc(y, +m[2], +m[3]), utc(y, +m[2], +m[3] + 1)];
    }
    return null;
  }

  /** Where an event sits in time: {start, end, point} in ms, or null when undated. */
  function eventSpan(e) {
    const d = e.date;
    if (!d) return null;
    const a = dateRange(d.start);
    const b = dateRange(d.end);
    let start = a ? a[0] : null;
    let end = b ? b[1] : null;
    if (start === null && end === null) {
      const v = dateRange(d.value);
      if (!v) return null;
      [start, end] = v;
    }
    if (start === null) start = end - DAY;
    if (end === null) end = start + DAY;
    if (end < start) [start, end] = [end, start];
    return { start, end, point: end - start <= DAY };
  }

  function fmtDay(ms) {
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    const pad = (n) => String(n).padStart(2, "0");
    return `${y < 0 ? "-" : ""}${String(Math.abs(y)).padStart(4, "0")}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }

  function describeDate(d) {
    if (!d) return "undated";
    const parts = [d.value];
    if (d.start || d.end) parts.push(`(${d.start || "?"} \u2013 ${d.end || "?"}, ${d.precision})`);
    if (d.explicit === false) parts.push("inferred");
    return parts.join(" ");
  }

  function describeInterval(iv) {
    if (!iv) return "";
    return `${iv.start ?? "?"} \u2013 ${iv.end ?? "open"}`;
  }

  // ---------- colours ----------
  function bucket(intensity) {
    const x = Math.max(-10, Math.min(10, Number(intensity) || 0));
    return Math.round((x + 10) / 2);
  }
  const PALETTE = ["#b2182b", "#c7403d", "#d6604d", "#e48f75", "#f4a582", "#9aa3ad", "#92c5de", "#6aa9d0", "#4393c3", "#2f73b0", "#2166ac"];
  const colour = (intensity) => PALETTE[bucket(intensity)];

  // ---------- indexes ----------
  const byId = (list, key) => new Map(list.map((r) => [r[key || "id"], r]));
  const events = DATA.events;
  const eventsById = byId(events);
  const citationsById = byId(DATA.citations);
  const causalById = byId(DATA.causal);
  const claimsById = byId(DATA.claims);
  const sourcesByKey = byId(DATA.sources, "key");
  const docsById = byId(DATA.documents);
  const sourceOfCitation = new Map();
  for (const s of DATA.sources) for (const cid of s.citations) sourceOfCitation.set(cid, s);
  const rowsFor = new Map(); // "kind:id" -> table rows to mark as selected

  function remember(kind, id, row) {
    const key = kind + ":" + id;
    if (!rowsFor.has(key)) rowsFor.set(key, []);
    rowsFor.get(key).push(row);
    row.setAttribute("data-" + kind, id);
    return row;
  }

  const dyadLabel = (dyad) => dyad.replace("->", " \u2192 ").replace(/^([A-Z0-9_]+)-([A-Z0-9_]+)$/, "$1 \u2013 $2");
  const eventTitle = (e) => `${e.source} \u2192 ${e.target || "\u2013"} \u00b7 ${e.category}${e.negated ? " (negated)" : ""}`;
  const eventLabel = (e) => `${e.category}${e.trigger ? ": " + e.trigger : ""}`;

  // ---------- the text view ----------
  const docText = $("doc-text");
  const docSelect = $("doc-select");
  let shownDoc = null;

  function offsetMapper(doc) {
    if (doc._map) return doc._map;
    if (!/[\uD800-\uDFFF]/.test(doc.text)) {
      doc._map = (i) => i;
    } else {
      // records count code points (Python); JavaScript strings count UTF-16 units
      const units = [];
      let u = 0;
      for (const ch of doc.text) {
        units.push(u);
        u += ch.length;
      }
      units.push(u);
      doc._map = (i) => units[Math.max(0, Math.min(i, units.length - 1))];
    }
    return doc._map;
  }

  function sliceDoc(docId, span) {
    const doc = docsById.get(docId);
    if (!doc || !span) return "";
    const map = offsetMapper(doc);
    return doc.text.slice(map(span[0]), map(span[1])).replace(/\s+/g, " ").trim();
  }

  /** Show document `docId` with the sentence `span` and the citation spans highlighted. */
  function showText(docId, span, citeSpans) {
    const doc = docsById.get(docId) || DATA.documents[0];
    if (!doc) return;
    shownDoc = doc.id;
    if (docSelect) docSelect.value = doc.id;
    const text = doc.text;
    const map = offsetMapper(doc);
    const clamp = (i) => Math.max(0, Math.min(text.length, map(i)));
    const marks = [];
    if (span) marks.push({ s: clamp(span[0]), e: clamp(span[1]), cls: "hl-sentence" });
    for (const c of citeSpans || []) marks.push({ s: clamp(c[0]), e: clamp(c[1]), cls: "hl-cite" });
    const cuts = new Set([0, text.length]);
    for (const m of marks) {
      cuts.add(m.s);
      cuts.add(m.e);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    let first = null;
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      if (a >= b) continue;
      const piece = text.slice(a, b);
      const classes = marks.filter((m) => m.s <= a && b <= m.e).map((m) => m.cls);
      if (!classes.length) {
        frag.append(document.createTextNode(piece));
      } else {
        const mark = el("mark", { class: [...new Set(classes)].join(" ") }, piece);
        frag.append(mark);
        if (!first) first = mark;
      }
    }
    put(docText, frag);
    if (first) docText.scrollTop = Math.max(0, first.offsetTop - docText.clientHeight / 3);
  }

  if (docSelect) docSelect.addEventListener("change", () => showText(docSelect.value, null, []));

  // ---------- details and selection ----------
  const details = $("details");

  function citeItems(ids, refs) {
    const items = [];
    for (const id of ids || []) {
      const c = citationsById.get(id);
      if (!c) continue;
      const src = sourceOfCitation.get(id);
      const work = src ? [src.full_name, src.title].filter(Boolean).join(", ") : "";
      items.push(el("li", null, el("span", { class: "cite-text", text: c.text }), work ? " " + work : ""));
    }
    if (!items.length) {
      for (const r of refs || []) items.push(el("li", null, el("span", { class: "cite-text", text: `(${r.author}${r.pages ? ", " + r.pages : ""})` })));
    }
    return items;
  }

  function chipsFor(ids, what) {
    const shown = ids.slice(0, 30);
    const chips = shown
      .filter((id) => eventsById.has(id))
      .map((id) => el("button", { class: "chip", type: "button", text: eventTitle(eventsById.get(id)), onclick: () => select("event", id) }));
    if (ids.length > shown.length) chips.push(el("span", { class: "more", text: ` +${ids.length - shown.length} more ${what}` }));
    return el("div", { class: "chips" }, ...chips);
  }

  function field(dl, name, value) {
    if (value === null || value === undefined || value === "") return;
    dl.append(el("dt", { text: name }), el("dd", { text: value }));
  }

  function fillDetails(heading, fields, sentence, cites, extra) {
    const dl = el("dl");
    for (const [name, value] of fields) field(dl, name, value);
    const citeList = el("ul", { class: "cites", id: "detail-citations" }, ...cites);
    put(details,
      el("h3", { id: "detail-title", text: heading }),
      dl,
      el("blockquote", { id: "detail-sentence", text: sentence || "" }),
      el("h4", { text: cites.length ? "Citation" : "No citation backs this sentence." }),
      citeList,
      ...(extra || []),
    );
  }

  function citeSpans(ids) {
    return (ids || []).map((id) => citationsById.get(id)).filter(Boolean).map((c) => [c.start, c.end]);
  }

  const VIEWS = {
    event(e) {
      fillDetails(
        eventTitle(e),
        [
          ["Date", describeDate(e.date)],
          ["Intensity", `${e.intensity} (${e.quad || "n/a"})`],
          ["Actors", `${e.source_text || e.source} \u2192 ${e.target_text || e.target || "\u2013"}`],
          ["Trigger", e.trigger],
          ["Mode", `${e.mode}${e.kind === "attitude" ? ", attitude" : ""}${e.plover_mode ? ", " + e.plover_mode : ""}`],
          ["Confidence", e.confidence],
          ["Reported by", e.sources && e.sources.length > 1 ? `${e.sources.length} documents${e.disagreement ? " (they disagree)" : ""}` : null],
        ],
        e.sentence,
        citeItems(e.cites, e.citations),
      );
      return { doc: e.doc, span: [e.start, e.end], cites: citeSpans(e.cites) };
    },
    causal(c) {
      const ends = [c.cause.event, c.effect.event].filter((id) => id && eventsById.has(id));
      fillDetails(
        `Causal link \u00b7 \u201c${c.cue}\u201d`,
        [["Cause", c.cause.text], ["Effect", c.effect.text], ["Confidence", c.confidence]],
        c.sentence,
        citeItems(c.cites),
        ends.length ? [el("h4", { text: "Events" }), chipsFor(ends, "events")] : [],
      );
      return { doc: c.doc, span: c.span, cites: citeSpans(c.cites) };
    },
    claim(c) {
      fillDetails(
        `Claim \u00b7 ${c.kind.replace("_", " ")}`,
        [
          ["Interval", describeInterval(c.interval)],
          ["Characterised as", c.characterisation],
          ["Attributed to", c.attributed_to],
          ["Verdict", c.verdict || (c.kind === "thesis" ? "untested" : null)],
          ["Evidence", c.evidence && c.evidence.length ? `${c.evidence.length} events` : null],
        ],
        c.text,
        citeItems(c.cites, c.citations),
        c.evidence && c.evidence.length ? [el("h4", { text: "Evidence" }), chipsFor(c.evidence, "events")] : [],
      );
      return { doc: c.doc, span: [c.start, c.end], cites: citeSpans(c.cites) };
    },
    source(s) {
      const first = citationsById.get(s.citations[0]);
      fillDetails(
        s.full_name || s.author,
        [["Author", s.author], ["Work", s.title], ["Pages", (s.pages || []).join(", ")], ["Cited", `${s.citations.length} times`]],
        first && first.span ? sliceDoc(first.doc, first.span) : "",
        citeItems(s.citations),
        [el("h4", { text: `Events it backs (${s.events.length})` }), chipsFor(s.events, "events")],
      );
      return { doc: s.doc, span: first && first.span, cites: citeSpans(s.citations) };
    },
  };
  const LOOKUP = { event: eventsById, causal: causalById, claim: claimsById, source: sourcesByKey };

  let timeline = null;
  let cy = null;
  let selectedKey = null;

  /** Select a record: show its details, highlight its sentence and citations, sync the views. */
  function select(kind, id, opts) {
    const rec = LOOKUP[kind] && LOOKUP[kind].get(id);
    if (!rec) return;
    const where = VIEWS[kind](rec);
    showText(where.doc, where.span, where.cites);
    if (selectedKey) for (const row of rowsFor.get(selectedKey) || []) row.classList.remove("selected");
    selectedKey = kind + ":" + id;
    for (const row of rowsFor.get(selectedKey) || []) row.classList.add("selected");
    const from = (opts && opts.from) || "";
    if (timeline && from !== "timeline") timeline.setSelection(kind === "event" ? [id] : []);
    if (cy && from !== "graph") {
      cy.elements().unselect();
      const target = kind === "event" ? cy.getElementById("e:" + id) : kind === "causal" ? cy.getElementById("l:" + id) : null;
      if (target && target.length) target.select();
    }
    details.setAttribute("data-selected", selectedKey);
    try {
      history.replaceState(null, "", "#" + kind + "=" + encodeURIComponent(id));
    } catch (err) {
      /* some file:// contexts refuse history changes; the selection still works */
    }
  }
  report.select = select;

  // ---------- timeline ----------
  function buildTimeline() {
    const box = $("timeline");
    const dated = [];
    const undated = [];
    for (const e of events) {
      const span = eventSpan(e);
      if (span) dated.push([e, span]);
      else undated.push(e);
    }
    renderUndated(undated);
    if (!dated.length) {
      put(box, el("p", { class: "empty", text: "No dated events to place on a timeline." }));
      markReady("timeline");
      return;
    }
    const counts = new Map();
    for (const [e] of dated) counts.set(e.dyad, (counts.get(e.dyad) || 0) + 1);
    const order = [...counts.keys()].sort((a, b) => counts.get(b) - counts.get(a) || a.localeCompare(b));
    let min = Infinity;
    let max = -Infinity;
    const items = dated.map(([e, sp]) => {
      min = Math.min(min, sp.start);
      max = Math.max(max, sp.end);
      return {
        id: e.id, group: e.dyad, start: sp.start, end: sp.end, point: sp.point, colour: colour(e.intensity),
        label: eventLabel(e), title: `${eventTitle(e)} · ${e.date ? e.date.value : ""}`,
      };
    });
    const pad = Math.max((max - min) * 0.03, 180 * DAY);
    timeline = new RiftTimeline(box, items, order.map((g) => ({ id: g, label: dyadLabel(g) })), {
      start: min - pad, end: max + pad, fitStart: min - pad, fitEnd: max + pad,
      min: min - 20 * (max - min + pad), max: max + 20 * (max - min + pad), zoomMin: 7 * DAY, maxHeight: 460,
    });
    report.timeline = timeline;
    box.setAttribute("data-items", String(items.length));
    timeline.on("select", (props) => {
      if (props.items && props.items.length) select("event", props.items[0], { from: "timeline" });
    });
    timeline.on("changed", () => markReady("timeline"));
  }

  function renderUndated(undated) {
    const box = $("undated");
    if (!undated.length) return;
    const shown = undated.slice(0, MAX_CHIPS);
    put(box,
      el("span", { class: "label", text: `${undated.length} event${undated.length === 1 ? "" : "s"} without a date: ` }),
      ...shown.map((e) =>
        remember("event", e.id, el("button", { class: "chip undated-item", type: "button", text: eventTitle(e), onclick: () => select("event", e.id) })),
      ),
      more(shown.length, undated.length, "undated events"),
    );
  }

  // ---------- relations-index chart ----------
  function claimedPhases() {
    return DATA.claims
      .filter((c) => c.kind === "phase" && c.interval)
      .map((c) => {
        const a = dateRange(c.interval.start);
        const b = dateRange(c.interval.end);
        return { claim: c, start: a ? a[0] : null, end: b ? b[1] : null };
      })
      .filter((p) => p.start !== null || p.end !== null);
  }

  function seriesDyads() {
    const totals = new Map();
    for (const r of DATA.series) totals.set(r.dyad, (totals.get(r.dyad) || 0) + (Number(r.n_events) || 0));
    for (const p of DATA.phases) if (!totals.has(p.dyad)) totals.set(p.dyad, 0);
    return [...totals.keys()].sort((a, b) => a.includes("->") - b.includes("->") || totals.get(b) - totals.get(a) || a.localeCompare(b));
  }

  function buildChart() {
    const dyadSelect = $("chart-dyad");
    const measureSelect = $("chart-measure");
    const dyads = seriesDyads();
    const claims = claimedPhases();
    put(dyadSelect, ...dyads.map((d) => el("option", { value: d, text: dyadLabel(d) })));
    const draw = () => safely("chart", () => drawChart(dyadSelect.value, measureSelect.value, claims));
    dyadSelect.addEventListener("change", draw);
    measureSelect.addEventListener("change", draw);
    if (!dyads.length) {
      put($("chart"), el("p", { class: "empty", text: "No relations index: the analysis found no dated events between two actors." }));
      renderPhaseTable(null, claims);
      markReady("chart");
      return;
    }
    draw();
    if (HAS.chart) {
      let width = $("chart").clientWidth;
      window.addEventListener("resize", () => {
        const w = $("chart").clientWidth;
        if (report.chart && Math.abs(w - width) > 20) {
          width = w;
          report.chart.setSize({ width: w, height: 280 });
        }
      });
    }
  }

  function drawChart(dyad, measure, claims) {
    const rows = DATA.series
      .filter((r) => r.dyad === dyad)
      .map((r) => ({ r, range: dateRange(r.bin) }))
      .filter((x) => x.range)
      .sort((a, b) => a.range[0] - b.range[0]);
    const phaseSet = DATA.phases.find((p) => p.dyad === dyad);
    const phases = (phaseSet ? phaseSet.phases : [])
      .map((p) => {
        const a = dateRange(p.start);
        const b = dateRange(p.end);
        return a && b ? { phase: p, start: a[0], end: b[1] } : null;
      })
      .filter(Boolean);
    renderPhaseTable(phases, claims);
    if (!HAS.chart) {
      renderSeriesTable(rows, measure);
      markReady("chart");
      return;
    }
    const xs = rows.map((x) => x.range[0] / 1000);
    const ys = rows.map((x) => (x.r[measure] === null || x.r[measure] === undefined ? null : Number(x.r[measure])));
    let lo = Math.min(...xs, ...phases.map((p) => p.start / 1000));
    let hi = Math.max(...xs, ...phases.map((p) => p.end / 1000));
    for (const c of claims) {
      if (c.start !== null) lo = Math.min(lo, c.start / 1000);
      if (c.end !== null) hi = Math.max(hi, c.end / 1000);
    }
    if (!(hi > lo)) {
      lo -= 365 * 86400;
      hi += 365 * 86400;
    }
    const padX = (hi - lo) * 0.02;
    const box = $("chart");
    put(box);
    const claimBoxes = [];
    const px = () => uPlot.pxRatio || window.devicePixelRatio || 1;
    const opts = {
      width: Math.max(320, box.clientWidth || 640),
      height: 280,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: { x: { time: true, range: () => [lo - padX, hi + padX] } },
      series: [
        {},
        { label: measureLabel(measure), stroke: "#3559a8", width: 2, points: { show: true, size: 5, fill: "#3559a8" }, spanGaps: false },
      ],
      axes: [{}, { label: measureLabel(measure), size: 56 }],
      legend: { show: true },
      cursor: { drag: { x: true, y: false } },
      hooks: {
        drawClear: [(u) => drawPhases(u, phases)],
        draw: [(u) => drawClaims(u, claims, claimBoxes, lo, hi)],
      },
    };
    const chart = new uPlot(opts, [xs, ys], box);
    report.chart = chart;
    chart.over.addEventListener("click", (ev) => {
      const hit = claimBoxes.find((b) => ev.offsetX >= b.x0 && ev.offsetX <= b.x1 && ev.offsetY >= b.y0 && ev.offsetY <= b.y1);
      if (hit) select("claim", hit.id, { from: "chart" });
    });
    box.setAttribute("data-points", String(xs.length));
    box.setAttribute("data-phases", String(phases.length));
    box.setAttribute("data-claimed", String(claims.length));
    void px;
    markReady("chart");
  }

  function measureLabel(m) {
    return { intensity_sum: "intensity (sum)", intensity_mean: "intensity (mean)", n_events: "events" }[m] || m;
  }

  function drawPhases(u, phases) {
    const ctx = u.ctx;
    const { top, height } = u.bbox;
    ctx.save();
    ctx.font = `${11 * (uPlot.pxRatio || 1)}px system-ui, sans-serif`;
    ctx.textBaseline = "top";
    for (const p of phases) {
      const x0 = u.valToPos(p.start / 1000, "x", true);
      const x1 = u.valToPos(p.end / 1000, "x", true);
      const warm = (p.phase.mean || 0) >= 0;
      ctx.fillStyle = warm ? "rgba(33,102,172,0.13)" : "rgba(178,24,43,0.13)";
      ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
      ctx.strokeStyle = "rgba(60,60,60,0.35)";
      ctx.beginPath();
      ctx.moveTo(x0, top);
      ctx.lineTo(x0, top + height);
      ctx.stroke();
      ctx.fillStyle = warm ? "#1d4f86" : "#8c1627";
      ctx.fillText(truncate(p.phase.label, 28), x0 + 4, top + 4);
    }
    ctx.restore();
  }

  function drawClaims(u, claims, boxes, lo, hi) {
    boxes.length = 0;
    if (!claims.length) return;
    const ctx = u.ctx;
    const r = uPlot.pxRatio || 1;
    const { top, height } = u.bbox;
    const rowH = 16;
    const rowsEnd = [];
    ctx.save();
    ctx.font = `${10 * r}px system-ui, sans-serif`;
    ctx.textBaseline = "bottom";
    const sorted = [...claims].sort((a, b) => (a.start ?? lo * 1000) - (b.start ?? lo * 1000));
    for (const c of sorted) {
      const s = c.start !== null ? c.start / 1000 : lo;
      const e = c.end !== null ? c.end / 1000 : hi;
      const x0 = u.valToPos(s, "x");
      const x1 = Math.max(x0 + 3, u.valToPos(e, "x"));
      let row = rowsEnd.findIndex((end) => end < x0 - 4);
      if (row < 0) {
        row = rowsEnd.length;
        rowsEnd.push(0);
      }
      const label = truncate(c.claim.characterisation || c.claim.text, 40);
      rowsEnd[row] = Math.max(x1, x0 + ctx.measureText(label).width / r + 6);
      const y = height / r - 6 - row * rowH; // bottom of the bar, CSS px within the plot
      ctx.fillStyle = "rgba(123,63,160,0.85)";
      ctx.fillRect(u.bbox.left + x0 * r, top + (y - 4) * r, (x1 - x0) * r, 4 * r);
      ctx.fillStyle = "#5b2a7a";
      ctx.fillText(label, u.bbox.left + (x0 + 2) * r, top + (y - 5) * r);
      boxes.push({ id: c.claim.id, x0, x1: Math.max(x1, x0 + 60), y0: y - 16, y1: y + 2 });
    }
    ctx.restore();
  }

  function renderPhaseTable(phases, claims) {
    const rows = [];
    for (const p of phases || []) {
      rows.push(el("tr", { class: "phase-row" },
        el("td", { text: "detected" }), el("td", { text: `${p.phase.start} \u2013 ${p.phase.end}` }),
        el("td", { text: p.phase.label }), el("td", { class: "num", text: Number(p.phase.mean).toFixed(2) })));
    }
    for (const c of claims) {
      rows.push(remember("claim", c.claim.id, clickable(
        el("tr", { class: "claimed-row" },
          el("td", { text: "claimed" }), el("td", { text: describeInterval(c.claim.interval) }),
          el("td", { text: truncate(c.claim.characterisation || c.claim.text, 120) }), el("td")),
        () => select("claim", c.claim.id))));
    }
    put($("phase-table"), rows.length ? table("phases", ["Phase", "When", "Label", "Mean"], rows) : el("p", { class: "empty", text: "No phases detected or claimed." }));
  }

  function renderSeriesTable(rows, measure) {
    const trs = rows.map((x) => el("tr", null, el("td", { text: x.r.bin }), el("td", { class: "num", text: x.r[measure] === null ? "" : Number(x.r[measure]).toFixed(2) }), el("td", { class: "num", text: x.r.n_events })));
    put($("chart"), el("div", { class: "scroll", id: "series-table" }, table("series", ["Bin", measureLabel(measure), "Events"], trs)));
  }

  // ---------- causal graph ----------
  function buildGraph() {
    renderCausalList(DATA.causal);
    // a graph of thousands of links is unreadable and slow to lay out: draw the most confident
    const links = DATA.causal.length <= MAX_GRAPH_LINKS
      ? DATA.causal
      : [...DATA.causal].sort((a, b) => b.confidence - a.confidence).slice(0, MAX_GRAPH_LINKS);
    if (links.length < DATA.causal.length) {
      $("graph").before(el("p", { class: "more", id: "graph-note", text: `The graph shows the ${links.length} most confident of ${DATA.causal.length} causal links; the table below lists them all.` }));
    }
    const box = $("graph");
    if (!links.length) {
      put(box, el("p", { class: "empty", text: "The text states no causal link." }));
      box.style.height = "auto";
      markReady("graph");
      return;
    }
    if (!HAS.graph) {
      markReady("graph");
      return;
    }
    const nodes = new Map();
    const endNode = (end, link) => {
      const ev = end.event && eventsById.get(end.event);
      const id = ev ? "e:" + ev.id : `s:${link.doc}:${end.start}:${end.end}`;
      if (!nodes.has(id)) {
        nodes.set(id, ev
          ? { id, label: truncate(`${ev.source}\u2192${ev.target || "\u2013"} ${eventLabel(ev)}${ev.date ? " (" + ev.date.value + ")" : ""}`, 60), color: colour(ev.intensity), event: ev.id, kind: "event" }
          : { id, label: truncate(end.text, 60), color: "#c9ced6", link: link.id, kind: "span" });
      }
      return id;
    };
    const edges = links.map((l) => ({ group: "edges", data: { id: "l:" + l.id, source: endNode(l.cause, l), target: endNode(l.effect, l), cue: truncate(l.cue, 24), link: l.id } }));
    const elements = [...[...nodes.values()].map((data) => ({ group: "nodes", data })), ...edges];
    cy = cytoscape({
      container: box,
      elements,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: false,
      style: [
        { selector: "node", style: { "background-color": "data(color)", label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": "150px", "text-valign": "bottom", "text-margin-y": 3, width: 16, height: 16, "border-width": 1, "border-color": "#555" } },
        { selector: 'node[kind = "span"]', style: { shape: "round-rectangle", width: 22, height: 12 } },
        { selector: "edge", style: { width: 1.6, "line-color": "#7d8896", "target-arrow-color": "#7d8896", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(cue)", "font-size": 9, color: "#3b2a55", "text-background-color": "#ffffff", "text-background-opacity": 0.85, "text-background-padding": 1, "text-rotation": "autorotate" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#111", "line-color": "#111", "target-arrow-color": "#111" } },
      ],
      layout: nodes.size <= 300
        ? { name: "cose", animate: false, padding: 16, nodeRepulsion: () => 90000, idealEdgeLength: () => 90, edgeElasticity: () => 60, numIter: 1500, randomize: false }
        : { name: "grid", padding: 12, animate: false, avoidOverlap: true },
    });
    report.cy = cy;
    cy.on("tap", "node", (ev) => {
      const d = ev.target.data();
      if (d.event) select("event", d.event, { from: "graph" });
      else select("causal", d.link, { from: "graph" });
    });
    cy.on("tap", "edge", (ev) => select("causal", ev.target.data("link"), { from: "graph" }));
    box.setAttribute("data-nodes", String(nodes.size));
    box.setAttribute("data-edges", String(edges.length));
    cy.one("render", () => markReady("graph"));
  }

  function renderCausalList(links) {
    if (!links.length) return;
    const shown = links.slice(0, MAX_ROWS);
    const rows = shown.map((l) =>
      remember("causal", l.id, clickable(
        el("tr", { class: "causal-row" },
          el("td", { text: truncate(l.cause.text, 90) }), el("td", { class: "arrow", text: "\u2192" }),
          el("td", { text: truncate(l.effect.text, 90) }), el("td", { text: l.cue })),
        () => select("causal", l.id))),
    );
    put($("causal-list"), el("div", { class: "scroll" }, table("causal", ["Cause", "", "Effect", "Cue"], rows)), more(shown.length, links.length, "causal links"));
  }

  // ---------- claims and sources ----------
  function buildClaims() {
    const claims = DATA.claims;
    if (!claims.length) {
      put($("claims"), el("p", { class: "empty", text: "No claims about phases, turning points or causes found." }));
      return;
    }
    const rows = claims.slice(0, MAX_ROWS).map((c) =>
      remember("claim", c.id, clickable(
        el("tr", { class: "claim-row" },
          el("td", { text: c.kind.replace("_", " ") }), el("td", { text: truncate(c.text, 160) }),
          el("td", { text: describeInterval(c.interval) }),
          el("td", null, c.verdict || c.kind === "thesis" ? el("span", { class: "verdict verdict-" + (c.verdict || "untested").replace(/ /g, "-"), text: c.verdict || "untested" }) : "")),
        () => select("claim", c.id))),
    );
    put($("claims"), el("div", { class: "scroll" }, table("claims", ["Kind", "Claim", "Interval", "Verdict"], rows)), more(rows.length, claims.length, "claims"));
  }

  function buildSources() {
    const sources = DATA.sources;
    if (!sources.length) {
      put($("sources"), el("p", { class: "empty", text: "No citations found." }));
      return;
    }
    const manyDocs = DATA.documents.length > 1;
    const rows = sources.map((s) => {
      const chips = s.events.slice(0, 8).filter((id) => eventsById.has(id)).map((id) =>
        el("button", { class: "chip", type: "button", text: eventLabel(eventsById.get(id)), onclick: (ev) => { ev.stopPropagation(); select("event", id); } }));
      if (s.events.length > 8) chips.push(el("span", { class: "more", text: ` +${s.events.length - 8}` }));
      return remember("source", s.key, clickable(
        el("tr", { class: "source-row" },
          el("td", null, el("strong", { text: s.author }), s.full_name && s.full_name !== s.author ? el("div", { class: "more", text: s.full_name }) : null,
            manyDocs ? el("div", { class: "more", text: (docsById.get(s.doc) || {}).title || s.doc }) : null),
          el("td", { text: s.title || "" }),
          el("td", { text: (s.pages || []).join(", ") }),
          el("td", { class: "num", text: s.citations.length }),
          el("td", null, ...chips)),
        () => select("source", s.key)));
    });
    put($("sources"), el("div", { class: "scroll" }, table("sources", ["Source", "Work", "Pages", "Cited", "Events it backs"], rows)));
  }

  function wireTheses() {
    for (const li of document.querySelectorAll("#thesis-list .thesis")) {
      const id = li.getAttribute("data-claim");
      remember("claim", id, clickable(li, () => select("claim", id)));
    }
  }

  function fromHash() {
    const m = /^#(event|causal|claim|source)=(.+)$/.exec(location.hash);
    if (m) select(m[1], decodeURIComponent(m[2]));
  }

  // ---------- start ----------
  report.timings.start = performance.now();
  if (DATA.documents.length) showText(DATA.documents[0].id, null, []);
  safely("timeline", buildTimeline);
  safely("claims", buildClaims);
  safely("sources", buildSources);
  safely("chart", buildChart);
  wireTheses();
  // the graph's layout is the slowest part: let the timeline paint first
  setTimeout(() => {
    safely("graph", buildGraph);
    fromHash();
    markReady("report");
  }, 0);
})();
