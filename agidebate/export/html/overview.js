// agidebate's overview map: the sunburst laid out at export time (agidebate/export/overview.py),
// drawn here as SVG with createElementNS, setAttribute and textContent only: debate text is
// data, never markup. Pan (drag), zoom (wheel, pinch, buttons, + and -), hover for title and
// score, click or Enter to open a claim in the outline, cross-links on demand.
function agidebateOverview(data, page) {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const layout = data.overview;
  const svg = document.getElementById("overview-svg");
  const tip = document.getElementById("overview-tip");
  const now = document.getElementById("overview-now");
  const radii = layout.radii;
  const outer = radii[radii.length - 1];
  const MARGIN = 46;
  const LABEL_PX = 11; // sector and centre labels, in screen pixels at any zoom
  const REGION_PX = 12;
  const MAX_LABELS = 400;
  const HOME = [-outer - MARGIN, -outer - MARGIN, 2 * (outer + MARGIN), 2 * (outer + MARGIN)];
  const MAX_ZOOM = 60;
  const shapes = new Map();
  const places = new Map(); // claim id -> [ring, start, end]
  const parentOf = new Map();
  const kidsOf = new Map();
  const linkPaths = [];
  let view = HOME.slice();
  let cursor = null;
  let selected = null;

  function make(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (parent) parent.append(node);
    return node;
  }
  const round = (n) => Math.round(n * 100) / 100;
  function polar(r, deg) {
    const a = ((deg - 90) * Math.PI) / 180;
    return [round(r * Math.cos(a)), round(r * Math.sin(a))];
  }
  const inner = (ring) => radii[ring - 1];

  function sectorPath(r0, r1, a0, a1) {
    if (a1 - a0 >= 359.99) {
      const ring = (r, sweep) => `M0 ${-r}A${r} ${r} 0 1 ${sweep} 0 ${r}A${r} ${r} 0 1 ${sweep} 0 ${-r}Z`;
      return ring(round(r1), 1) + (r0 > 0 ? ring(round(r0), 0) : "");
    }
    const large = a1 - a0 > 180 ? 1 : 0;
    const [x0, y0] = polar(r1, a0);
    const [x1, y1] = polar(r1, a1);
    const [x2, y2] = polar(r0, a1);
    const [x3, y3] = polar(r0, a0);
    return `M${x0} ${y0}A${round(r1)} ${round(r1)} 0 ${large} 1 ${x1} ${y1}L${x2} ${y2}A${round(r0)} ${round(r0)} 0 ${large} 0 ${x3} ${y3}Z`;
  }

  function centreOf(id) {
    const place = places.get(id);
    if (!place) return [0, 0];
    const [ring, a0, a1] = place;
    return polar((inner(ring) + radii[ring]) / 2, (a0 + a1) / 2);
  }

  // --- Drawing -----------------------------------------------------------------

  function defs() {
    const box = make("defs", null, svg);
    defsBox = box;
    const hatch = make("pattern", { id: "ov-hatch", width: 7, height: 7, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, box);
    make("rect", { width: 7, height: 7, class: "hatch-bg" }, hatch);
    make("rect", { width: 2.6, height: 7, class: "hatch-line" }, hatch);
    for (const rel of ["support", "attack"]) {
      const marker = make("marker", { id: "ov-arrow-" + rel, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, box);
      make("path", { d: rel === "support" ? "M0 0L10 5L0 10Z" : "M8 0H10V10H8Z", class: "arrow " + rel }, marker);
    }
  }

  function drawRegions(layer) {
    layout.regions.forEach(([, a0, a1, loose], index) => {
      const group = make("g", { class: "region" + (loose ? " loose" : "") + (index % 2 ? " odd" : "") }, layer);
      make("path", { d: sectorPath(radii[0], outer, a0, a1), class: "region-wedge" }, group);
    });
  }

  // Topic names along the rim, on an arc read left to right (flipped on the lower half).
  function drawRegionLabels(layer, defsBox, scale) {
    layer.textContent = "";
    for (const old of defsBox.querySelectorAll(".region-arc")) old.remove();
    const size = REGION_PX / scale;
    layout.regions.forEach(([topic, a0, a1, loose], index) => {
      const length = ((a1 - a0) * Math.PI * outer * scale) / 180;
      const chars = Math.floor(length / (REGION_PX * 0.58));
      if (chars < 4) return;
      const mid = (a0 + a1) / 2;
      const lower = mid > 90 && mid < 270;
      const r = round(outer + (lower ? 4 + REGION_PX : 4) / scale);
      const [from, to] = lower ? [a1, a0] : [a0, a1];
      const [x0, y0] = polar(r, from);
      const [x1, y1] = polar(r, to);
      const large = a1 - a0 > 180 ? 1 : 0;
      make("path", { id: "ov-arc-" + index, class: "region-arc", d: `M${x0} ${y0}A${r} ${r} 0 ${large} ${lower ? 0 : 1} ${x1} ${y1}` }, defsBox);
      const text = make("text", { class: "region-label", "font-size": round(size) }, layer);
      const path = make("textPath", { href: "#ov-arc-" + index, startOffset: "50%", "text-anchor": "middle" }, text);
      path.textContent = page.regionTitle(topic, loose, chars);
      text.dataset.topic = loose ? "" : topic || "";
    });
  }

  function drawSectors(layer) {
    for (const [id, ring, a0, a1] of layout.sectors) {
      const claim = page.claim(id);
      if (!claim) continue;
      places.set(id, [ring, a0, a1]);
      const path = make("path", { d: sectorPath(inner(ring), radii[ring], a0, a1), class: "sector " + page.sideOf(claim), "fill-rule": "evenodd" }, layer);
      path.dataset.claim = id;
      shapes.set(id, path);
    }
    for (const claim of data.claims) {
      for (const [kid, , full] of claim.kids) {
        if (!full || !places.has(kid)) continue;
        parentOf.set(kid, claim.id);
        if (!kidsOf.has(claim.id)) kidsOf.set(claim.id, []);
        kidsOf.get(claim.id).push(kid);
      }
    }
    const firstRing = layout.sectors.filter((s) => s[1] === 1).map((s) => s[0]);
    kidsOf.set(null, firstRing);
    for (const id of firstRing) parentOf.set(id, layout.centre);
    if (layout.centre !== null) kidsOf.set(layout.centre, firstRing);
  }

  function drawCentre(layer) {
    const claim = layout.centre !== null ? page.claim(layout.centre) : null;
    const disc = make("circle", { r: radii[0], class: "sector " + (claim ? page.sideOf(claim) : "centre") }, layer);
    if (claim) {
      disc.dataset.claim = claim.id;
      shapes.set(claim.id, disc);
      places.set(claim.id, [0, 0, 360]);
      kidsOf.set(claim.id, kidsOf.get(null));
    }
  }

  // Titles on the sectors that have room for a few words at the current zoom (text stays
  // LABEL_PX on screen), and the thesis in the disc.
  function drawLabels(layer, scale) {
    layer.textContent = "";
    const size = LABEL_PX / scale;
    const margin = 20 / scale;
    let count = 0;
    for (const [id, ring, a0, a1] of layout.sectors) {
      const mid = (a0 + a1) / 2;
      const rm = (inner(ring) + radii[ring]) / 2;
      const width = ((a1 - a0) * Math.PI * rm * scale) / 180;
      if (width < 56 || (radii[ring] - inner(ring)) * scale < LABEL_PX + 4) continue;
      const [x, y] = polar(rm, mid);
      if (x < view[0] - margin || x > view[0] + view[2] + margin || y < view[1] - margin || y > view[1] + view[3] + margin) continue;
      if (++count > MAX_LABELS) break;
      const turn = mid > 90 && mid < 270 ? mid - 180 : mid;
      const text = make("text", { x, y, transform: `rotate(${round(turn)} ${x} ${y})`, class: "sector-label", "font-size": round(size), "text-anchor": "middle", "dominant-baseline": "central" }, layer);
      text.textContent = page.shortLabel(page.claim(id), Math.floor(Math.min(width, 220) / (LABEL_PX * 0.6)));
    }
    if (layout.centre !== null) {
      const perLine = Math.max(6, Math.floor((radii[0] * 1.6 * scale) / (LABEL_PX * 0.62)));
      const lines = page.wrapLabel(page.claim(layout.centre), perLine, 4);
      const step = size * 1.25;
      const text = make("text", { x: 0, y: round(-((lines.length - 1) * step) / 2), class: "centre-label", "font-size": round(size), "text-anchor": "middle", "dominant-baseline": "central" }, layer);
      lines.forEach((line, index) => {
        const span = make("tspan", { x: 0, dy: index ? round(step) : 0 }, text);
        span.textContent = line;
      });
    }
  }

  function scaleNow() {
    const width = svg.clientWidth || 1;
    const height = svg.clientHeight || 1;
    return Math.min(width / view[2], height / view[3]);
  }

  let pending = 0;
  function labelsLater() {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      relabelNow();
    });
  }

  function relabelNow() {
    const scale = scaleNow();
    drawLabels(labelLayer, scale);
    drawRegionLabels(regionLabelLayer, defsBox, scale);
  }

  function drawLinks(layer) {
    for (const [source, target, rel] of layout.links) {
      if (!shapes.has(source) || !shapes.has(target)) continue;
      const [x1, y1] = centreOf(source);
      const [x2, y2] = centreOf(target);
      const cx = round((x1 + x2) * 0.25);
      const cy = round((y1 + y2) * 0.25);
      const path = make("path", { d: `M${x1} ${y1}Q${cx} ${cy} ${x2} ${y2}`, class: "link " + rel, "marker-end": `url(#ov-arrow-${rel})` }, layer);
      path.dataset.source = source;
      path.dataset.target = target;
      linkPaths.push(path);
    }
  }

  // --- Colour by score ---------------------------------------------------------

  // Each shape's fill is its side's colour, stronger the higher its score.
  function recolour() {
    for (const [id, shape] of shapes) {
      const score = page.claim(id).score;
      const known = typeof score === "number";
      shape.style.fillOpacity = known ? String(round(0.16 + 0.84 * Math.max(0, Math.min(1, score)))) : "0.55";
      shape.dataset.score = known ? String(score) : "";
    }
  }

  // --- View: pan and zoom ------------------------------------------------------

  function setView(next) {
    const width = Math.max(HOME[2] / MAX_ZOOM, Math.min(HOME[2] * 1.5, next[2]));
    const scale = width / next[2];
    const cx = next[0] + next[2] / 2;
    const cy = next[1] + next[3] / 2;
    const height = next[3] * scale;
    view = [cx - width / 2, cy - height / 2, width, height];
    svg.setAttribute("viewBox", view.map(round).join(" "));
    svg.dataset.zoom = String(round(HOME[2] / view[2]));
    labelsLater();
  }

  function zoomAt(factor, x, y) {
    const w = view[2] / factor;
    const h = view[3] / factor;
    setView([x - (x - view[0]) / factor, y - (y - view[1]) / factor, w, h]);
  }

  function toMap(clientX, clientY) {
    const matrix = svg.getScreenCTM();
    if (!matrix) return [0, 0];
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return [point.x, point.y];
  }

  function zoomCentre(factor) {
    zoomAt(factor, view[0] + view[2] / 2, view[1] + view[3] / 2);
  }

  const pointers = new Map();
  let drag = null;
  let moved = false;

  function wireView() {
    svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      const [x, y] = toMap(event.clientX, event.clientY);
      zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015)), x, y);
    }, { passive: false });
    svg.addEventListener("pointerdown", (event) => {
      pointers.set(event.pointerId, [event.clientX, event.clientY]);
      moved = false;
      drag = { start: toMap(event.clientX, event.clientY), pinch: null };
      if (pointers.size === 2) drag.pinch = pinchState();
    });
    svg.addEventListener("pointermove", (event) => {
      if (!pointers.has(event.pointerId)) {
        hover(event);
        return;
      }
      const before = pointers.get(event.pointerId);
      pointers.set(event.pointerId, [event.clientX, event.clientY]);
      if (Math.hypot(event.clientX - before[0], event.clientY - before[1]) > 0 && drag) panOrPinch(event);
    });
    const end = (event) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2 && drag) drag.pinch = null;
      if (!pointers.size) drag = null;
    };
    svg.addEventListener("pointerup", end);
    svg.addEventListener("pointercancel", end);
    svg.addEventListener("pointerleave", (event) => {
      end(event);
      hideTip();
    });
    svg.addEventListener("click", (event) => {
      if (moved) return;
      const id = claimAt(event.target);
      if (id !== null) open(id);
      else regionClick(event.target);
    });
    svg.addEventListener("dblclick", (event) => {
      event.preventDefault();
      const [x, y] = toMap(event.clientX, event.clientY);
      zoomAt(2, x, y);
    });
    svg.addEventListener("keydown", keys);
    svg.addEventListener("focus", () => {
      if (cursor === null) moveCursor(selected || layout.centre || (kidsOf.get(null) || [])[0] || null);
    });
    svg.addEventListener("blur", hideTip);
    document.getElementById("zoom-in").addEventListener("click", () => zoomCentre(1.6));
    document.getElementById("zoom-out").addEventListener("click", () => zoomCentre(1 / 1.6));
    document.getElementById("zoom-reset").addEventListener("click", () => setView(HOME));
    document.getElementById("cross-links").addEventListener("change", (event) => {
      svg.classList.toggle("show-links", event.target.checked);
    });
  }

  function pinchState() {
    const [a, b] = [...pointers.values()];
    return { distance: Math.hypot(a[0] - b[0], a[1] - b[1]), view: view.slice() };
  }

  function panOrPinch(event) {
    if (drag.pinch && pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const distance = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (drag.pinch.distance > 0 && distance > 0) {
        const [x, y] = toMap((a[0] + b[0]) / 2, (a[1] + b[1]) / 2);
        zoomAt(distance / drag.pinch.distance, x, y);
        drag.pinch.distance = distance;
      }
      moved = true;
      return;
    }
    const [x, y] = toMap(event.clientX, event.clientY);
    const dx = drag.start[0] - x;
    const dy = drag.start[1] - y;
    if (!moved && Math.hypot(dx, dy) * (svg.clientWidth / view[2]) < 4) return;
    if (!moved) svg.setPointerCapture(event.pointerId);
    moved = true;
    setView([view[0] + dx, view[1] + dy, view[2], view[3]]);
    hideTip();
  }

  // --- Hover, focus and opening ------------------------------------------------

  function claimAt(target) {
    const shape = target && target.closest ? target.closest("[data-claim]") : null;
    return shape ? shape.dataset.claim : null;
  }

  function regionClick(target) {
    const label = target && target.closest ? target.closest(".region-label") : null;
    if (label && label.dataset.topic) page.filterTopic(label.dataset.topic);
  }

  function hover(event) {
    const id = claimAt(event.target);
    if (id === null) {
      hideTip();
      return;
    }
    showTip(id, event.clientX, event.clientY);
  }

  function showTip(id, clientX, clientY) {
    const claim = page.claim(id);
    tip.textContent = "";
    const head = document.createElement("strong");
    head.textContent = page.shortLabel(claim, 140);
    const meta = document.createElement("span");
    meta.className = "tip-meta";
    meta.textContent = page.describe(claim);
    tip.append(head, meta);
    tip.hidden = false;
    const frame = tip.parentElement.getBoundingClientRect();
    const x = Math.min(Math.max(4, clientX - frame.left + 14), Math.max(4, frame.width - tip.offsetWidth - 4));
    const y = clientY - frame.top + 18 + tip.offsetHeight > frame.height ? clientY - frame.top - tip.offsetHeight - 10 : clientY - frame.top + 18;
    tip.style.left = round(x) + "px";
    tip.style.top = round(Math.max(4, y)) + "px";
    for (const link of linkPaths) link.classList.toggle("active", link.dataset.source === id || link.dataset.target === id);
  }

  function hideTip() {
    tip.hidden = true;
    for (const link of linkPaths) link.classList.remove("active");
  }

  function open(id) {
    select(id);
    page.open(id);
  }

  function select(id) {
    if (selected !== null && shapes.has(selected)) shapes.get(selected).classList.remove("selected");
    selected = shapes.has(id) ? id : null;
    if (selected !== null) shapes.get(selected).classList.add("selected");
  }

  function moveCursor(id) {
    if (cursor !== null && shapes.has(cursor)) shapes.get(cursor).classList.remove("cursor");
    cursor = id !== null && shapes.has(id) ? id : null;
    if (cursor === null) return;
    const shape = shapes.get(cursor);
    shape.classList.add("cursor");
    const box = shape.getBoundingClientRect();
    showTip(cursor, box.left + box.width / 2, box.top + box.height / 2);
    now.textContent = page.shortLabel(page.claim(cursor), 200) + ". " + page.describe(page.claim(cursor));
  }

  // Arrow keys walk the map: in (towards the thesis), out (first reply), along (siblings).
  function keys(event) {
    const key = event.key;
    if (key === "+" || key === "=") zoomCentre(1.4);
    else if (key === "-" || key === "_") zoomCentre(1 / 1.4);
    else if (key === "0") setView(HOME);
    else if (key === "Enter" || key === " ") {
      if (cursor !== null) open(cursor);
    } else if (key.startsWith("Arrow")) moveCursor(step(key));
    else return;
    event.preventDefault();
  }

  function step(key) {
    if (cursor === null) return layout.centre !== null ? layout.centre : (kidsOf.get(null) || [])[0] || null;
    if (key === "ArrowUp") return parentOf.has(cursor) && parentOf.get(cursor) !== null ? parentOf.get(cursor) : cursor;
    if (key === "ArrowDown") return (kidsOf.get(cursor) || [cursor])[0];
    const siblings = kidsOf.get(parentOf.has(cursor) ? parentOf.get(cursor) : null) || [cursor];
    const at = siblings.indexOf(cursor);
    if (at < 0) return cursor;
    return siblings[(at + (key === "ArrowRight" ? 1 : siblings.length - 1)) % siblings.length];
  }

  // --- Marking: search hits and topics -----------------------------------------

  function mark(ids) {
    svg.classList.toggle("marking", ids !== null);
    for (const [id, shape] of shapes) shape.classList.toggle("hit", ids !== null && ids.has(id));
  }

  function relabel() {
    relabelNow();
    svg.setAttribute("aria-label", page.mapLabel(shapes.size));
  }

  let defsBox = null;
  defs();
  drawRegions(make("g", { class: "regions" }, svg));
  const sectorLayer = make("g", { class: "sectors" }, svg);
  drawSectors(sectorLayer);
  drawCentre(sectorLayer);
  const labelLayer = make("g", { class: "labels", "aria-hidden": "true" }, svg);
  const regionLabelLayer = make("g", { class: "region-labels" }, svg);
  drawLinks(make("g", { class: "links", "aria-hidden": "true" }, svg));
  setView(HOME);
  window.addEventListener("resize", labelsLater);
  wireView();
  recolour();
  relabel();
  svg.dataset.shapes = String(shapes.size);
  return { recolour, mark, select, relabel, shapes };
}
