/* rift report: a zoomable timeline drawn on a canvas, one lane per actor pair.
 *
 * A canvas keeps tens of thousands of events cheap to draw, zoom and pan (a DOM element per
 * event does not). Items are {id, group, start, end, point, colour, label} with times in ms;
 * a range is drawn as a bar from start to end, a point as a dot. Wheel zooms around the pointer,
 * dragging pans, a click selects the item under the pointer, the arrow keys pan and +/- zoom.
 * Text is only ever drawn with fillText, so nothing from the data becomes markup. */
(function () {
  "use strict";

  const DAY = 86400000;
  const YEAR = 365.2425 * DAY;
  const STEPS = [
    [DAY, "day"], [7 * DAY, "day"], [30.44 * DAY, "month"], [91.31 * DAY, "month"], [YEAR, "year"], [2 * YEAR, "year"],
    [5 * YEAR, "year"], [10 * YEAR, "year"], [20 * YEAR, "year"], [50 * YEAR, "year"], [100 * YEAR, "year"],
    [200 * YEAR, "year"], [500 * YEAR, "year"], [1000 * YEAR, "year"],
  ];
  const GUTTER = 132;
  const AXIS = 26;
  const ROW = 15;
  const BAR = 11;
  const LANE_PAD = 6;
  // rows per lane before bars may overlap: generous for a text's events, tight for big corpora
  const maxRows = (n) => (n <= 2000 ? 60 : 12);

  function pad2(n) {
    return String(n).padStart(2, "0");
  }

  /** The first tick at or after `ms` for a step of the given unit and size. */
  function firstTick(ms, step, unit) {
    const d = new Date(ms);
    if (unit === "year") {
      const years = Math.max(1, Math.round(step / YEAR));
      let y = Math.floor(d.getUTCFullYear() / years) * years;
      const t = new Date(0);
      t.setUTCFullYear(y, 0, 1);
      t.setUTCHours(0, 0, 0, 0);
      while (t.getTime() < ms) {
        y += years;
        t.setUTCFullYear(y, 0, 1);
      }
      return { t: t.getTime(), next: (x) => { const n = new Date(x); n.setUTCFullYear(n.getUTCFullYear() + years, 0, 1); return n.getTime(); } };
    }
    if (unit === "month") {
      const months = Math.max(1, Math.round(step / (30.44 * DAY)));
      const t = new Date(0);
      t.setUTCFullYear(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / months) * months, 1);
      t.setUTCHours(0, 0, 0, 0);
      const next = (x) => { const n = new Date(x); n.setUTCMonth(n.getUTCMonth() + months, 1); return n.getTime(); };
      let v = t.getTime();
      while (v < ms) v = next(v);
      return { t: v, next };
    }
    const days = Math.max(1, Math.round(step / DAY));
    const v = Math.ceil(ms / (days * DAY)) * days * DAY;
    return { t: v, next: (x) => x + days * DAY };
  }

  function tickLabel(ms, unit) {
    const d = new Date(ms);
    const y = d.getUTCFullYear();
    const ys = y < 0 ? `${-y} BC` : String(y);
    if (unit === "year") return ys;
    if (unit === "month") return d.getUTCMonth() === 0 ? ys : `${ys}-${pad2(d.getUTCMonth() + 1)}`;
    return `${ys}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  }

  class Timeline {
    /**
     * @param {HTMLElement} container where to draw
     * @param {Array} items the events: {id, group, start, end, point, colour, label}
     * @param {Array} groups the lanes in order: {id, label}
     * @param {Object} options {start, end, min, max, zoomMin, maxHeight}
     */
    constructor(container, items, groups, options) {
      this.container = container;
      this.items = items;
      this.groups = groups;
      this.options = Object.assign({ zoomMin: 7 * DAY, maxHeight: 460 }, options || {});
      this.handlers = {};
      this.selected = null;
      this.byId = new Map(items.map((it) => [it.id, it]));
      this.lanes = new Map(groups.map((g, i) => [g.id, { group: g, index: i, items: [], rows: 1, top: 0, height: ROW }]));
      for (const it of items) this.lanes.get(it.group).items.push(it);
      for (const lane of this.lanes.values()) lane.items.sort((a, b) => a.start - b.start || a.end - b.end);
      this.start = this.options.start;
      this.end = this.options.end;
      this.scroller = document.createElement("div");
      this.scroller.className = "tl-scroll";
      this.canvas = document.createElement("canvas");
      this.canvas.className = "tl-canvas";
      this.canvas.tabIndex = 0;
      this.canvas.setAttribute("role", "img");
      this.canvas.setAttribute("aria-label", `Timeline of ${items.length} events in ${groups.length} actor pairs; drag to pan, scroll or +/- to zoom, arrow keys to move`);
      this.scroller.append(this.canvas);
      container.replaceChildren(this.scroller);
      this.scroller.style.maxHeight = this.options.maxHeight + "px";
      this._bind();
      this.resize();
      if (typeof ResizeObserver === "function") {
        this._observer = new ResizeObserver(() => this.resize());
        this._observer.observe(container);
      }
    }

    on(name, fn) {
      (this.handlers[name] = this.handlers[name] || []).push(fn);
    }

    _emit(name, arg) {
      for (const fn of this.handlers[name] || []) fn(arg);
    }

    getIds() {
      return this.items.map((it) => it.id);
    }

    getWindow() {
      return { start: new Date(this.start), end: new Date(this.end) };
    }

    /** Show the interval [start, end] (ms or Date). */
    setWindow(start, end) {
      let a = +start;
      let b = +end;
      const { min, max, zoomMin } = this.options;
      if (b - a < zoomMin) {
        const mid = (a + b) / 2;
        a = mid - zoomMin / 2;
        b = mid + zoomMin / 2;
      }
      if (min !== undefined && max !== undefined && b - a > max - min) {
        a = min;
        b = max;
      }
      if (min !== undefined && a < min) {
        b += min - a;
        a = min;
      }
      if (max !== undefined && b > max) {
        a -= b - max;
        b = max;
      }
      // stacking depends on the zoom only: panning keeps it
      if (Math.abs((b - a) - (this.end - this.start)) > 1) this._layoutDirty = true;
      this.start = a;
      this.end = b;
      this.requestDraw();
      this._emit("rangechange", this.getWindow());
    }

    /** Select the items with these ids (at most one is shown selected) and bring it into view. */
    setSelection(ids) {
      const id = ids && ids.length ? ids[0] : null;
      this.selected = id && this.byId.has(id) ? id : null;
      if (this.selected) {
        const it = this.byId.get(this.selected);
        if (it.end < this.start || it.start > this.end) {
          const span = this.end - this.start;
          const mid = (it.start + it.end) / 2;
          this.setWindow(mid - span / 2, mid + span / 2);
        }
        if (this._layoutDirty) this._layout();
        // and scroll its lane's row into the visible part of the timeline
        const lane = this.lanes.get(it.group);
        const y = lane.top + LANE_PAD + (it.row || 0) * ROW;
        const view = this.scroller.clientHeight;
        if (y < this.scroller.scrollTop + AXIS || y + ROW > this.scroller.scrollTop + view) {
          this.scroller.scrollTop = Math.max(0, y - view / 2);
        }
      }
      this.requestDraw();
    }

    getSelection() {
      return this.selected ? [this.selected] : [];
    }

    get width() {
      // read once per resize: reading layout for every item would cost a style flush each time
      if (!this._width) this._width = Math.max(200, this.container.clientWidth);
      return this._width;
    }

    x(ms) {
      return GUTTER + ((ms - this.start) / (this.end - this.start)) * (this.width - GUTTER - 8);
    }

    t(x) {
      return this.start + ((x - GUTTER) / (this.width - GUTTER - 8)) * (this.end - this.start);
    }

    /** Stack each lane's items into rows so that bars do not overlap at the current zoom. */
    _layout() {
      const msPerPx = (this.end - this.start) / (this.width - GUTTER - 8);
      const gap = 3 * msPerPx;
      let inView = 0;
      for (const it of this.items) if (it.end >= this.start && it.start <= this.end) inView++;
      // labels are drawn (and so need room) only when few items are in view
      this.labels = inView <= 400;
      if (this.labels && !this._measured) {
        const ctx = this.canvas.getContext("2d");
        ctx.font = "11px system-ui, sans-serif";
        for (const it of this.items) it.labelWidth = it.label ? ctx.measureText(it.label).width + 6 : 0;
        this._measured = true;
      }
      let top = AXIS;
      for (const lane of this.lanes.values()) {
        const ends = [];
        const limit = maxRows(this.items.length);
        for (const it of lane.items) {
          const drawnEnd = Math.max(it.end, it.start + (it.point ? 9 : 4) * msPerPx) + (this.labels ? it.labelWidth || 0 : 0) * msPerPx;
          let row = ends.findIndex((e) => e + gap <= it.start);
          if (row < 0) {
            if (ends.length < limit) {
              row = ends.length;
              ends.push(0);
            } else {
              row = ends.indexOf(Math.min(...ends));
            }
          }
          ends[row] = drawnEnd;
          it.row = row;
        }
        lane.rows = Math.max(1, ends.length);
        lane.top = top;
        lane.height = lane.rows * ROW + 2 * LANE_PAD;
        top += lane.height;
      }
      this.height = top + 4;
      this._layoutDirty = false;
    }

    resize() {
      const ratio = window.devicePixelRatio || 1;
      this._width = 0;
      this._layout();
      this.canvas.width = Math.round(this.width * ratio);
      this.canvas.height = Math.round(this.height * ratio);
      this.canvas.style.width = this.width + "px";
      this.canvas.style.height = this.height + "px";
      this.requestDraw();
    }

    requestDraw() {
      if (this._frame) return;
      this._frame = requestAnimationFrame(() => {
        this._frame = 0;
        this.draw();
      });
    }

    draw() {
      const oldHeight = this.height;
      if (this._layoutDirty) {
        this._layout();
        this._cache = null;
      }
      if (this.height !== oldHeight) {
        this.resize();
        return;
      }
      const ratio = window.devicePixelRatio || 1;
      const ctx = this.canvas.getContext("2d");
      const w = this.width;
      const plot = w - GUTTER - 8;
      const pxPerMs = plot / (this.end - this.start);
      const cache = this._cache;
      if (!cache || Math.abs(cache.pxPerMs - pxPerMs) > pxPerMs * 1e-6 || this.start < cache.start || this.end > cache.end || cache.height !== this.height || cache.ratio !== ratio) {
        this._renderItems(pxPerMs, plot, ratio);
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, w, this.height);
      for (const lane of this.lanes.values()) {
        ctx.fillStyle = lane.index % 2 ? "#f7f9fb" : "#ffffff";
        ctx.fillRect(0, lane.top, w, lane.height);
        ctx.strokeStyle = "#e3e7ec";
        ctx.beginPath();
        ctx.moveTo(0, lane.top + 0.5);
        ctx.lineTo(w, lane.top + 0.5);
        ctx.stroke();
      }
      this._drawGrid(ctx);
      // panning only moves the window over the items drawn once for this zoom
      const c = this._cache;
      this._offset = (this.start - c.start) * pxPerMs;
      ctx.save();
      ctx.beginPath();
      ctx.rect(GUTTER, AXIS, w - GUTTER, this.height - AXIS);
      ctx.clip();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(c.canvas, Math.round(this._offset * ratio), AXIS * ratio, Math.round(plot * ratio), (this.height - AXIS) * ratio,
        GUTTER * ratio, AXIS * ratio, Math.round(plot * ratio), (this.height - AXIS) * ratio);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      const sel = this.selected && this.byId.get(this.selected);
      if (sel && sel.box && c.items.has(sel)) {
        const b = sel.box;
        const x0 = GUTTER + b.x0 - this._offset;
        ctx.strokeStyle = "#111";
        ctx.lineWidth = 2;
        ctx.strokeRect(x0 - 2, b.y0 - 1, b.x1 - b.x0 + 4, b.y1 - b.y0 + 2);
        ctx.lineWidth = 1;
      }
      ctx.restore();
      // lane labels over the gutter
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, AXIS, GUTTER - 4, this.height - AXIS);
      ctx.textBaseline = "middle";
      for (const lane of this.lanes.values()) {
        ctx.font = "600 12px system-ui, sans-serif";
        ctx.fillStyle = "#1d232b";
        ctx.fillText(lane.group.label, 8, lane.top + LANE_PAD + ROW / 2, GUTTER - 16);
        ctx.font = "11px system-ui, sans-serif";
        ctx.fillStyle = "#5b6673";
        ctx.fillText(`${lane.items.length} event${lane.items.length === 1 ? "" : "s"}`, 8, lane.top + LANE_PAD + ROW * 1.5, GUTTER - 16);
      }
      ctx.strokeStyle = "#c4cbd4";
      ctx.beginPath();
      ctx.moveTo(GUTTER - 4.5, AXIS);
      ctx.lineTo(GUTTER - 4.5, this.height);
      ctx.stroke();
      // the time axis stays at the top of the visible part when the lanes scroll
      this._drawAxis(ctx, w, this.scroller.scrollTop);
      if (!this._drawn) {
        this._drawn = true;
        this._emit("changed");
      }
      this._emit("drawn");
    }

    /** Draw the items of three window widths around the view onto an offscreen canvas.
     * Item boxes are kept in that canvas's coordinates (CSS px) for hit testing. */
    _renderItems(pxPerMs, plot, ratio) {
      const span = this.end - this.start;
      const start = this.start - span;
      const end = this.end + span;
      const width = Math.ceil(3 * plot);
      let canvas = this._cache && this._cache.canvas;
      if (!canvas) canvas = document.createElement("canvas");
      canvas.width = Math.ceil(width * ratio);
      canvas.height = Math.ceil(this.height * ratio);
      const ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.font = "11px system-ui, sans-serif";
      ctx.textBaseline = "middle";
      const cx = (ms) => (ms - start) * pxPerMs;
      const items = new Set();
      const paths = new Map();
      const seen = new Set();
      const labelled = [];
      for (const lane of this.lanes.values()) {
        for (const it of lane.items) {
          if (it.end < start || it.start > end) continue;
          items.add(it);
          const y = lane.top + LANE_PAD + it.row * ROW + (ROW - BAR) / 2;
          const x0 = cx(it.start);
          const x1 = it.point ? x0 + 5 : Math.max(cx(it.end), x0 + 3);
          it.box = { x0: it.point ? x0 - 5 : x0, x1: Math.max(x1, x0 + 5), y0: y - 1, y1: y + BAR + 1 };
          // one path per colour, and one shape per pixel cell, keep a dense view cheap to draw
          const key = `${it.colour}|${Math.round(x0)}|${Math.round(x1)}|${y}|${it.point ? 1 : 0}`;
          if (seen.has(key)) continue;
          seen.add(key);
          let path = paths.get(it.colour);
          if (!path) paths.set(it.colour, (path = new Path2D()));
          if (it.point) {
            path.moveTo(x0 + 4.5, y + BAR / 2);
            path.arc(x0, y + BAR / 2, 4.5, 0, 2 * Math.PI);
          } else {
            path.rect(x0, y, x1 - x0, BAR);
          }
          if (this.labels && it.label) labelled.push([it.label, x1 + 3, y + BAR / 2]);
        }
      }
      ctx.globalAlpha = 0.9;
      for (const [fill, path] of paths) {
        ctx.fillStyle = fill;
        ctx.fill(path);
      }
      ctx.globalAlpha = 1;
      ctx.fillStyle = "#1d232b";
      for (const [text, lx, ly] of labelled) ctx.fillText(text, lx, ly);
      this._cache = { canvas, start, end, pxPerMs, height: this.height, ratio, items };
    }

    /** The ticks of the time axis in view: [{x, label}]. */
    _ticks() {
      const span = this.end - this.start;
      const pxPerMs = (this.width - GUTTER - 8) / span;
      let step = STEPS[STEPS.length - 1];
      for (const s of STEPS) {
        if (s[0] * pxPerMs >= 70) {
          step = s;
          break;
        }
      }
      const ticks = [];
      let { t, next } = firstTick(this.start, step[0], step[1]);
      let guard = 0;
      while (t <= this.end && guard++ < 400) {
        const x = Math.round(this.x(t)) + 0.5;
        if (x >= GUTTER) ticks.push({ x, label: tickLabel(t, step[1]) });
        t = next(t);
      }
      return ticks;
    }

    _drawGrid(ctx) {
      ctx.strokeStyle = "#e3e7ec";
      for (const { x } of this._ticks()) {
        ctx.beginPath();
        ctx.moveTo(x, AXIS);
        ctx.lineTo(x, this.height);
        ctx.stroke();
      }
    }

    _drawAxis(ctx, w, top) {
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, top, w, AXIS);
      ctx.strokeStyle = "#c4cbd4";
      ctx.fillStyle = "#3b4450";
      ctx.font = "11px system-ui, sans-serif";
      ctx.textBaseline = "middle";
      for (const { x, label } of this._ticks()) {
        ctx.beginPath();
        ctx.moveTo(x, top + AXIS - 6);
        ctx.lineTo(x, top + AXIS);
        ctx.stroke();
        ctx.fillText(label, x + 3, top + AXIS / 2);
      }
      ctx.beginPath();
      ctx.moveTo(0, top + AXIS - 0.5);
      ctx.lineTo(w, top + AXIS - 0.5);
      ctx.stroke();
    }

    /** The item under canvas point (x, y), or null. */
    itemAt(x, y) {
      if (!this._cache || x < GUTTER || y < this.scroller.scrollTop + AXIS) return null;
      const cx = x - GUTTER + (this._offset || 0);
      let best = null;
      for (const it of this._cache.items) {
        const b = it.box;
        if (cx >= b.x0 - 2 && cx <= b.x1 + 2 && y >= b.y0 && y <= b.y1) best = it;
      }
      return best;
    }

    /** Where item `id` is drawn, in page (client) coordinates, or null when not in view. */
    itemRect(id) {
      const it = this.byId.get(id);
      if (!it || !this._cache || !this._cache.items.has(it)) return null;
      const x = GUTTER + (it.box.x0 + it.box.x1) / 2 - (this._offset || 0);
      if (x < GUTTER || x > this.width - 8) return null;
      const r = this.canvas.getBoundingClientRect();
      return { x: r.left + x, y: r.top + (it.box.y0 + it.box.y1) / 2 };
    }

    zoom(factor, atX) {
      const t = this.t(atX === undefined ? (GUTTER + this.width) / 2 : atX);
      this.setWindow(t - (t - this.start) * factor, t + (this.end - t) * factor);
    }

    pan(px) {
      const dt = (px / (this.width - GUTTER - 8)) * (this.end - this.start);
      this.setWindow(this.start - dt, this.end - dt);
    }

    _bind() {
      const c = this.canvas;
      this.scroller.addEventListener("scroll", () => this.requestDraw(), { passive: true });
      let drag = null;
      c.addEventListener("wheel", (ev) => {
        if (ev.shiftKey) return;
        ev.preventDefault();
        const r = c.getBoundingClientRect();
        this.zoom(Math.exp(Math.max(-1, Math.min(1, ev.deltaY / 300))), ev.clientX - r.left);
      }, { passive: false });
      c.addEventListener("pointerdown", (ev) => {
        drag = { x: ev.clientX, y: ev.clientY, lastX: ev.clientX, moved: false };
        c.setPointerCapture(ev.pointerId);
      });
      c.addEventListener("pointermove", (ev) => {
        const r = c.getBoundingClientRect();
        if (drag) {
          if (Math.abs(ev.clientX - drag.x) > 3 || Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
          if (drag.moved) {
            this.pan(ev.clientX - drag.lastX);
            drag.lastX = ev.clientX;
            c.style.cursor = "grabbing";
          }
          return;
        }
        const it = this.itemAt(ev.clientX - r.left, ev.clientY - r.top);
        c.style.cursor = it ? "pointer" : "grab";
        c.title = it ? it.title || it.label || "" : "";
      });
      const end = (ev) => {
        if (!drag) return;
        const wasClick = !drag.moved;
        drag = null;
        c.style.cursor = "grab";
        if (wasClick && ev.type === "pointerup") {
          const r = c.getBoundingClientRect();
          const it = this.itemAt(ev.clientX - r.left, ev.clientY - r.top);
          if (it) {
            this.selected = it.id;
            this.requestDraw();
            this._emit("select", { items: [it.id] });
          }
        }
      };
      c.addEventListener("pointerup", end);
      c.addEventListener("pointercancel", end);
      c.addEventListener("dblclick", () => this.fit());
      c.addEventListener("keydown", (ev) => {
        const keys = { ArrowLeft: () => this.pan(80), ArrowRight: () => this.pan(-80), "+": () => this.zoom(0.7), "=": () => this.zoom(0.7), "-": () => this.zoom(1 / 0.7), "0": () => this.fit() };
        if (keys[ev.key]) {
          ev.preventDefault();
          keys[ev.key]();
        }
      });
    }

    /** Show every item. */
    fit() {
      if (this.options.fitStart !== undefined) this.setWindow(this.options.fitStart, this.options.fitEnd);
    }
  }

  window.RiftTimeline = Timeline;
})();
