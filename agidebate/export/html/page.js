// agidebate's interactive map. Everything below builds the page from the JSON block
// with createElement and textContent: debate text is data, never markup. Every walk
// over the debate is a loop (chains can be thousands of claims deep).
(() => {
  "use strict";

  const data = JSON.parse(document.getElementById("debate-data").textContent);
  // The glyphs of agidebate.palette, the same in every output.
  const GLYPH = data.glyphs || {};

  const UI = {
    en: {
      map: "Map", topics: "Topics", search: "Search claims", placeholder: "Search claims", shortcut: "Search claims (press / to jump here)",
      expandAll: "Expand all", collapseAll: "Collapse all", language: "Language",
      loose: "Not connected to the thesis", pro: "pro", con: "con", thesis: "thesis",
      root: "root", unlinked: "not connected", support: "supports ↑", attack: "attacks ↑",
      supportLong: "supports the claim above", attackLong: "attacks the claim above",
      undercut: "undercuts ↑ link", undercutLong: "attacks the link from the claim above to “{t}”, not the claim",
      summary: "summary", summaryLong: "restates other claims or a bottom line: shown, never counted",
      editorial: "ed.", editorialLong: "added by the map's editor, not by the author",
      impactLong: "how far the claim bears on the one above (1: fully)",
      note: "Editor's note: ", linkNote: "Editor's note on the link: ", quotes: "Quotes", dated: "{t}",
      by: "by {t}", replies: "{n}", level: "level {n}", show: "Show {n} replies", hide: "Hide {n} replies",
      see: "see", shownUnder: "(in full under “{t}”)", shownTop: "(in full at the top)",
      matches: "{n} of {total} claims match. Enter jumps to the next one, Esc clears.",
      noMatch: "No claim matches. Esc clears the search.",
      topicFilter: "Topic “{t}”: {n} claims.", score: "score {t}", noScore: "not scored",
      meter: "Score", openInMap: "Open in the map", onlyTopic: "Show only this topic",
      byCount: "By number of claims", byScore: "By summed scores", allClaims: "All claims",
      balance: "{p} pro, {c} con", sources: "Sources", figures: "Figures", tags: "Tags",
      legendSides: "▲ pro counts for the thesis (green, solid edge), ▼ con against it (red, dashed edge); “supports ↑” and “attacks ↑” say what a claim does to the one above it. A claim that answers several others appears in full once; elsewhere it is a link.",
      legendScores: "Bars show each claim's strength from 0 to 1 under the “{t}” semantics.",
      counts: "{n} claims: {p} pro, {c} con.",
      generated: "Made with {t}. This page works offline: it loads nothing from the network.",
      noTopics: "This debate has no topics.", untitled: "Debate map",
      verdict: "Verdict", verdictIs: "— {t}", noThesis: "This debate has no thesis to give a verdict on.",
      band: "Band {lo}–{hi}: the verdict over every weight this perspective does not give.", standard: "Proof standard: {t}.", bestPro: "Best for: {id} ({s}).", bestCon: "Best against: {id} ({s}).",
      weighedBy: "Weighed with {s}, {p}.", weighed: "Its file weighs {n} of {total} claims; the rest keep the debate's own weights.",
      partial: "Only one way to weigh is embedded: {t}.", perspective: "Perspective", semantics: "Semantics",
      baseWeights: "the debate's own weights", openTo: "Open to level", allLevels: "all", compact: "Titles only",
      overview: "Overview", zoomIn: "Zoom in", zoomOut: "Zoom out", zoomReset: "Fit", crossLinks: "Cross-links",
      mapLabel: "Overview map of {n} claims: the thesis at the centre, each ring one step further out, topics as wedges. Arrow keys move between claims, Enter opens one in the outline, + and − zoom.",
      overviewLegend: "▲ pro: solid green · ▼ con: hatched red · ◆ thesis at the centre. Stronger colour, higher score. Wedges are topics; drag to pan, scroll or pinch to zoom, click a claim to open it.",
      loneRegion: "not connected", noTopic: "no topic", tipScore: "score {t}",
      problemsHead: "The debate has problems: fix these files and the map comes back", about: "About {t}",
    },
    zh: {
      map: "论证图", topics: "主题", search: "搜索论点", placeholder: "搜索论点", shortcut: "搜索论点(按 / 跳到这里)",
      expandAll: "全部展开", collapseAll: "全部折叠", language: "语言",
      loose: "未与论题相连", pro: "正方", con: "反方", thesis: "论题",
      root: "根论点", unlinked: "未连接", support: "支持 ↑", attack: "反驳 ↑",
      supportLong: "支持上一条论点", attackLong: "反驳上一条论点",
      undercut: "削弱 ↑ 关联", undercutLong: "针对上一条论点与“{t}”之间的关联,而非论点本身",
      summary: "总结", summaryLong: "复述其他论点或作者的结论:显示但不计分",
      editorial: "编者", editorialLong: "由编者添加,而非作者所写",
      impactLong: "该论点与上一条论点的相关程度(1 为完全相关)",
      note: "编者注:", linkNote: "编者对关联的注:", quotes: "引文", dated: "{t}",
      by: "提出者:{t}", replies: "{n}", level: "第 {n} 层", show: "展开 {n} 条回应", hide: "收起 {n} 条回应",
      see: "见", shownUnder: "(完整内容在“{t}”之下)", shownTop: "(完整内容在顶部)",
      matches: "{total} 个论点中有 {n} 个匹配。回车跳到下一个,Esc 清除。",
      noMatch: "没有匹配的论点。按 Esc 清除搜索。",
      topicFilter: "主题“{t}”:{n} 个论点。", score: "得分 {t}", noScore: "无得分",
      meter: "得分", openInMap: "在论证图中打开", onlyTopic: "只看此主题",
      byCount: "按论点数", byScore: "按得分之和", allClaims: "全部论点",
      balance: "正方 {p},反方 {c}", sources: "来源", figures: "数据", tags: "标签",
      legendSides: "▲ 正方支持论题(绿色,实线边),▼ 反方反对论题(红色,虚线边);“支持 ↑”和“反驳 ↑”说明论点对上一条论点的作用。回应多条论点的论点只完整显示一次,其他位置为链接。",
      legendScores: "横条表示每个论点在“{t}”语义下的强度(0 到 1)。",
      counts: "共 {n} 个论点:正方 {p},反方 {c}。",
      generated: "由 {t} 生成。此页面可离线使用,不会从网络加载任何内容。",
      noTopics: "此辩论没有主题。", untitled: "论证图",
      verdict: "结论", verdictIs: "— {t}", noThesis: "此辩论没有可下结论的论题。",
      band: "区间 {lo}–{hi}:此视角未赋权的论点取任意权重时结论的范围。", standard: "证明标准:{t}。", bestPro: "最强正方论点:{id}({s})。", bestCon: "最强反方论点:{id}({s})。",
      weighedBy: "按 {s} 语义、{p} 计算。", weighed: "其文件为 {total} 个论点中的 {n} 个赋权,其余沿用辩论自身的权重。",
      partial: "只嵌入了一种权衡方式:{t}。", perspective: "视角", semantics: "语义",
      baseWeights: "辩论自身的权重", openTo: "展开到第几层", allLevels: "全部", compact: "只看标题",
      overview: "总览", zoomIn: "放大", zoomOut: "缩小", zoomReset: "适应", crossLinks: "交叉关系",
      mapLabel: "{n} 个论点的总览图:论题在中心,每一环向外多一步,主题为扇区。方向键在论点间移动,回车在大纲中打开,+ 和 − 缩放。",
      overviewLegend: "▲ 正方:绿色实心 · ▼ 反方:红色斜纹 · ◆ 中心为论题。颜色越深得分越高。扇区为主题;拖动平移,滚轮或双指缩放,点击论点打开。",
      loneRegion: "未连接", noTopic: "无主题", tipScore: "得分 {t}",
      problemsHead: "辩论文件有问题:修正以下文件后论证图会恢复", about: "关于{t}",
    },
  };
  const LANGUAGE_NAMES = { en: "English", zh: "中文", ja: "日本語", ko: "한국어", de: "Deutsch", fr: "Français", es: "Español" };
  const MAX_INDENT = 8;

  const $ = (id) => document.getElementById(id);
  const claims = new Map(data.claims.map((c) => [c.id, c]));
  const topics = new Map(data.topics.map((t) => [t.id, t]));
  const parentOf = new Map();
  for (const c of data.claims) for (const [kid, , full] of c.kids) if (full) parentOf.set(kid, c.id);

  const state = { lang: data.lang || "", query: "", terms: [], topic: null, saved: null, target: null, hits: [], next: 0 };
  const nodes = new Map();
  const rows = [];
  const refs = [];
  const tops = new Set([...data.roots, ...data.orphans]);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // A label in the page's language, with {name} slots filled in one pass.
  function t(key, values) {
    const text = (UI[state.lang] && UI[state.lang][key]) || UI.en[key];
    return text.replace(/\{(\w+)\}/g, (slot, name) => (values && name in values ? String(values[name]) : slot));
  }

  function safeHref(url) {
    if (typeof url !== "string" || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (error) {
      return null;
    }
  }

  // Text of a claim in the current language: {text, lang} (lang set when translated).
  function field(claim, key) {
    const own = state.lang && claim.i18n[state.lang];
    if (own && own[key]) return { text: own[key], lang: state.lang };
    return { text: claim[key], lang: state.lang ? "en" : "" };
  }
  const heading = (claim) => (claim.title ? field(claim, "title") : field(claim, "text"));

  function ranges(text, terms) {
    const lower = text.toLowerCase();
    if (!terms.length || lower.length !== text.length) return [];
    const found = [];
    for (const term of terms) {
      for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) found.push([at, at + term.length]);
    }
    found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged = [];
    for (const range of found) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push(range);
    }
    return merged;
  }

  // Put `value.text` into `node` as text, with search terms wrapped in <mark>.
  function fill(node, value, highlight) {
    node.textContent = "";
    if (value.lang) node.lang = value.lang;
    else node.removeAttribute("lang");
    const text = value.text || "";
    let at = 0;
    for (const [start, end] of highlight ? ranges(text, state.terms) : []) {
      if (start > at) node.append(text.slice(at, start));
      node.append(el("mark", null, text.slice(start, end)));
      at = end;
    }
    if (at < text.length) node.append(text.slice(at));
  }

  function sideOf(claim) {
    if (claim.side === "pro" || claim.side === "con" || claim.side === "thesis" || claim.side === "root") return claim.side;
    return "unlinked";
  }

  function badge(claim) {
    const side = sideOf(claim);
    return el("span", "badge " + (side === "unlinked" ? "loose" : side), sideWords(side));
  }

  // A side as every output writes it: its glyph and its word (▲ pro), never colour alone.
  function sideWords(side) {
    return GLYPH[side] + " " + t(side);
  }

  // `link` is a kid entry: [id, relation, full, the link's badges, its note, cut link's target].
  function relation(link) {
    const [, rel, , marks, note, cutTarget] = link;
    const wrap = el("span", "rel");
    const word = rel === "undercut" ? "undercut" : rel === "attack" ? "attack" : "support";
    const span = wrap.appendChild(el("span", null, t(word)));
    const target = cutTarget && claims.get(cutTarget);
    span.title = t(word + "Long", { t: target ? heading(target).text : cutTarget || "" });
    for (const mark of marks || []) {
      const editorial = mark === "ed.";
      const badgeEl = wrap.appendChild(el("span", "mark", editorial ? t("editorial") : mark));
      badgeEl.title = t(editorial ? "editorialLong" : "impactLong");
    }
    if (note) wrap.title = note;
    return wrap;
  }

  function claimMarks(claim) {
    const marks = [];
    for (const mark of claim.marks || []) {
      const key = mark === "ed." ? "editorial" : "summary";
      const span = el("span", "mark mark-" + key, t(key));
      span.title = t(key + "Long");
      marks.push(span);
    }
    return marks;
  }

  function quoteList(claim, hl) {
    const list = el("div", "quotes");
    list.setAttribute("aria-label", t("quotes"));
    for (const quote of claim.quotes) {
      const block = list.appendChild(el("blockquote"));
      block.append(marked("span", null, "“" + quote.text + "”", hl));
      const where = [quote.source, quote.at].filter(Boolean).join(", ");
      if (where) block.append(" ", marked("cite", null, "— " + where, hl));
    }
    return list;
  }

  function scoreView(claim) {
    const wrap = el("span", "score");
    if (typeof claim.score !== "number") {
      wrap.append(t("noScore"));
      return wrap;
    }
    const bar = el("span", "bar");
    bar.setAttribute("role", "meter");
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", "1");
    bar.setAttribute("aria-valuenow", String(claim.score));
    bar.setAttribute("aria-label", t("meter"));
    const fillBar = el("span");
    fillBar.style.width = Math.max(0, Math.min(100, claim.score * 100)) + "%";
    bar.append(fillBar);
    const value = claim.label ? claim.label + " " + claim.score.toFixed(2) : claim.score.toFixed(2);
    wrap.append(bar, el("span", "score-value", value));
    return wrap;
  }

  // An element holding `text`, with search terms marked when `highlight` is set.
  function marked(tag, className, text, highlight) {
    const node = el(tag, className);
    fill(node, { text: text, lang: "" }, highlight);
    return node;
  }

  function sourceList(claim, hl) {
    const list = el("ul", "sources");
    list.setAttribute("aria-label", t("sources"));
    for (const source of claim.sources) {
      const item = el("li");
      const href = safeHref(source.url);
      if (href) {
        const link = marked("a", null, source.label, hl);
        link.href = href;
        link.rel = "noopener noreferrer nofollow";
        link.target = "_blank";
        item.append(link);
      } else {
        item.append(marked("span", null, source.label, hl));
      }
      if (source.rawUrl) item.append(" ", marked("span", "raw-url", source.rawUrl, hl));
      if (source.note) item.append(" ", marked("span", "note", "— " + source.note, hl));
      list.append(item);
    }
    return list;
  }

  function figureList(claim, hl) {
    const list = el("ul", "figures");
    list.setAttribute("aria-label", t("figures"));
    for (const figure of claim.figures) {
      const item = el("li");
      item.append(marked("strong", null, [figure.value, figure.unit].filter(Boolean).join(" "), hl));
      if (figure.what) item.append(marked("span", null, ": " + figure.what, hl));
      if (figure.note) item.append(" ", marked("span", "note", "(" + figure.note + ")", hl));
      list.append(item);
    }
    return list;
  }

  function tagList(claim, hl) {
    const list = el("ul", "tags");
    list.setAttribute("aria-label", t("tags"));
    for (const tag of claim.tags) list.append(marked("li", null, "#" + tag, hl));
    return list;
  }

  function metaLine(claim, hl, level) {
    const meta = el("p", "meta");
    if (level) meta.append(t("level", { n: level }), " · ");
    if (claim.by) {
      const [before, after] = t("by").split("{t}");
      meta.append(before, marked("span", null, claim.by, hl), after, " · ");
    }
    if (claim.date) meta.append(t("dated", { t: claim.date }), " · ");
    const topic = topics.get(claim.topic);
    if (topic) meta.append(marked("span", null, topic.title || topic.id, hl), " · ");
    meta.append(marked("span", "claim-id", claim.id, hl));
    return meta;
  }

  // The tree is one flat list of rows in reading order (pre-order), each indented by
  // its level: a nested DOM thousands of levels deep would bring the browser down.
  // `row.parent` is the node a row hangs under (null at the top of a list).

  // A claim shown in full: its card, followed in the list by the rows of its replies.
  function buildNode(claim, rel, parent, tag) {
    const top = tag === "div";
    const box = el(tag, top ? "thesis-card" : "node " + sideOf(claim));
    box.id = "claim-" + claim.id;
    const card = top ? box : el("div", "card");
    if (!top) box.append(card);
    const head = el("div", "head");
    card.append(head);
    const node = { kind: "node", id: claim.id, claim, rel, parent, box, open: top, folded: false, toggle: null };
    node.level = parent && parent.level >= 0 ? parent.level + 1 : top ? -1 : 0;
    if (!top) {
      indent(box, node.level);
      node.levelLabel = head.appendChild(el("span", "visually-hidden"));
    }
    if (claim.kids.length && !top) {
      node.toggle = el("button", "toggle");
      node.toggle.type = "button";
      node.toggle.addEventListener("click", () => {
        setOpen(node, !node.open);
        layout();
      });
      head.append(node.toggle);
    } else if (!top) {
      head.append(el("span", "spacer"));
    }
    node.badge = head.appendChild(badge(claim));
    node.marks = claimMarks(claim);
    head.append(...node.marks);
    node.relLabel = rel ? head.appendChild(relation(rel)) : null;
    node.title = head.appendChild(el("a", "title"));
    node.title.href = "#claim-" + encodeURIComponent(claim.id);
    if (data.scored) node.scoreBox = head.appendChild(scoreView(claim));
    node.body = card.appendChild(el("div", "body"));
    nodes.set(claim.id, node);
    if (!top) rows.push(node);
    refreshNode(node);
    return node;
  }

  function indent(box, level) {
    box.style.setProperty("--level", String(Math.min(level, MAX_INDENT)));
  }

  function refreshNode(node) {
    const claim = node.claim;
    const hit = node.box.classList.contains("hit");
    if (node.levelLabel) node.levelLabel.textContent = t("level", { n: node.level + 1 }) + ":";
    fill(node.title, heading(claim), hit);
    const body = node.body;
    body.textContent = "";
    if (claim.title) fill(body.appendChild(el("p", "text")), field(claim, "text"), hit);
    if (claim.note) {
      const note = body.appendChild(el("p", "editor-note", t("note")));
      fill(note.appendChild(el("span")), field(claim, "note"), hit);
    }
    if (node.rel && node.rel[4]) {
      const note = body.appendChild(el("p", "editor-note link-note", t("linkNote")));
      note.append(marked("span", null, node.rel[4], hit));
    }
    if (claim.quotes.length) body.append(quoteList(claim, hit));
    body.append(metaLine(claim, hit, node.level > MAX_INDENT ? node.level + 1 : 0));
    if (claim.sources.length) body.append(sourceList(claim, hit));
    if (claim.figures.length) body.append(figureList(claim, hit));
    if (claim.tags.length) body.append(tagList(claim, hit));
    node.badge.textContent = sideWords(sideOf(claim));
    const fresh = claimMarks(claim);
    node.marks.forEach((mark, i) => mark.replaceWith(fresh[i]));
    node.marks = fresh;
    if (node.relLabel) {
      const label = relation(node.rel);
      node.relLabel.replaceWith(label);
      node.relLabel = label;
    }
    if (node.toggle) {
      node.toggle.textContent = t("replies", { n: claim.kids.length });
      showOpen(node);
    }
  }

  // A claim already shown in full elsewhere: one line that links to it.
  function buildRef(claim, rel, parent) {
    const box = el("li", "ref " + sideOf(claim));
    const ref = { kind: "ref", id: claim.id, claim, rel, parent, box, folded: false };
    ref.level = parent && parent.level >= 0 ? parent.level + 1 : 0;
    indent(box, ref.level);
    rows.push(ref);
    refs.push(ref);
    refreshRef(ref);
    return box;
  }

  function refreshRef(ref) {
    const box = ref.box;
    box.textContent = "";
    const link = el("a", "title");
    link.href = "#claim-" + encodeURIComponent(ref.id);
    fill(link, heading(ref.claim), box.classList.contains("hit"));
    const home = parentOf.get(ref.id);
    const where = home ? t("shownUnder", { t: heading(claims.get(home)).text }) : t("shownTop");
    box.append(badge(ref.claim), " ", ...claimMarks(ref.claim), " ", relation(ref.rel), " ", el("span", "see", t("see") + " "), link, " ", el("span", "see", where));
  }

  // Depth first with an explicit stack, so rows come out in reading order.
  function grow(list, parent, kids) {
    const stack = [];
    const push = (under, entries) => {
      for (let i = entries.length - 1; i >= 0; i--) if (claims.has(entries[i][0])) stack.push([entries[i], under]);
    };
    push(parent, kids);
    while (stack.length) {
      const [entry, under] = stack.pop();
      const [id, , full] = entry;
      const claim = claims.get(id);
      if (full && !nodes.has(id)) {
        const node = buildNode(claim, entry, under, "li");
        list.append(node.box);
        push(node, claim.kids);
      } else {
        list.append(buildRef(claim, entry, under));
      }
    }
  }

  function render() {
    const thesis = data.thesis && claims.get(data.thesis);
    if (thesis) {
      const node = buildNode(thesis, null, null, "div");
      $("thesis").append(node.box);
      grow($("tree"), node, thesis.kids);
    } else {
      grow($("tree"), null, data.roots.map((id) => [id, null, true]));
    }
    grow($("loose-tree"), null, data.orphans.map((id) => [id, null, true]));
    $("loose").hidden = data.orphans.length === 0;
    for (const id of tops) if (nodes.has(id)) setOpen(nodes.get(id), true);
    layout();
  }

  function showOpen(node) {
    node.box.classList.toggle("open", node.open);
    node.toggle.setAttribute("aria-expanded", String(node.open));
    node.toggle.setAttribute("aria-label", t(node.open ? "hide" : "show", { n: node.claim.kids.length }));
  }

  // Open or close a node; call layout() once afterwards to show or hide the rows.
  function setOpen(node, open) {
    if (!node.toggle || node.open === open) return;
    node.open = open;
    showOpen(node);
  }

  // A row is folded away when the node it hangs under is closed or folded itself.
  // Parents come before their rows, so one pass in reading order settles every row.
  function layout() {
    for (const row of rows) {
      const folded = row.parent !== null && (row.parent.folded || !row.parent.open);
      row.folded = folded;
      if (row.box.hidden !== folded) row.box.hidden = folded;
    }
  }

  function setAll(open) {
    for (const node of nodes.values()) setOpen(node, open || tops.has(node.id));
    layout();
  }

  // Open every node above `id` (stopping at one already in `done`); layout() follows.
  function openPath(id, done) {
    for (let up = parentOf.get(id); up !== undefined && !(done && done.has(up)); up = parentOf.get(up)) {
      if (done) done.add(up);
      setOpen(nodes.get(up), true);
    }
  }

  // --- Search -----------------------------------------------------------------

  const haystacks = new Map();
  function haystack(claim) {
    let text = haystacks.get(claim.id);
    if (text === undefined) {
      const topic = topics.get(claim.topic);
      const parts = [claim.id, claim.title, claim.text, claim.by, topic && topic.title, ...claim.tags];
      for (const fields of Object.values(claim.i18n)) parts.push(fields.title, fields.text, fields.note);
      parts.push(claim.note, ...claim.quotes.map((q) => q.text));
      for (const source of claim.sources) parts.push(source.label, source.note);
      text = parts.filter(Boolean).join("\n").toLowerCase();
      haystacks.set(claim.id, text);
    }
    return text;
  }

  function parseQuery(query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const topic = words.find((w) => w.startsWith("topic:"));
    return { terms: words.filter((w) => !w.startsWith("topic:")), topic: topic ? topic.slice(6) : null };
  }

  function applySearch() {
    state.query = $("search").value;
    const { terms, topic } = parseQuery(state.query);
    const before = new Set(state.hits);
    state.terms = terms;
    state.topic = topic;
    const active = terms.length > 0 || topic !== null;
    const hits = active
      ? data.claims.filter((c) => (topic === null || c.topic === topic) && terms.every((w) => haystack(c).includes(w))).map((c) => c.id)
      : [];
    const hitSet = new Set(hits);
    if (active && state.saved === null) state.saved = [...nodes.values()].filter((n) => n.open).map((n) => n.id);
    const shown = new Set(tops);
    if (data.thesis) shown.add(data.thesis);
    const opened = new Set();
    for (const id of hits) {
      for (let up = id; up !== undefined && !shown.has(up); up = parentOf.get(up)) shown.add(up);
      openPath(id, opened);
    }
    for (const list of [$("tree"), $("loose-tree")]) list.classList.toggle("filtering", active);
    if (overview) overview.mark(active ? hitSet : null);
    for (const node of nodes.values()) {
      const wasHit = node.box.classList.contains("hit");
      node.box.classList.toggle("shown", shown.has(node.id));
      node.box.classList.toggle("hit", hitSet.has(node.id));
      if (wasHit || hitSet.has(node.id) || before.has(node.id)) refreshNode(node);
    }
    for (const ref of refs) {
      const match = hitSet.has(ref.id);
      ref.box.classList.toggle("shown", match);
      if (match || ref.box.classList.contains("hit")) {
        ref.box.classList.toggle("hit", match);
        refreshRef(ref);
      }
    }
    if (!active && state.saved !== null) {
      const saved = new Set(state.saved);
      for (const node of nodes.values()) setOpen(node, saved.has(node.id) || tops.has(node.id));
      state.saved = null;
    }
    layout();
    // Enter walks the matches in reading order.
    state.hits = [data.thesis, ...rows.map((row) => row.kind === "node" && row.id)].filter((id) => id && hitSet.has(id));
    state.next = 0;
    showStatus(active, hits.length);
  }

  function showStatus(active, count) {
    let text = "";
    if (active && state.topic !== null && !state.terms.length) {
      const topic = topics.get(state.topic);
      text = t("topicFilter", { t: topic ? topic.title || topic.id : state.topic, n: count });
    } else if (active) {
      text = count ? t("matches", { n: count, total: data.claims.length }) : t("noMatch");
    }
    $("status").textContent = text;
  }

  function nextHit() {
    if (!state.hits.length) return;
    const id = state.hits[state.next % state.hits.length];
    state.next += 1;
    reveal(id, false);
  }

  // --- Anchors and views ------------------------------------------------------

  // Open the branches above claim `id`, scroll to it and outline it.
  function reveal(id, focus = true) {
    const node = nodes.get(id);
    if (!node) return;
    if (!node.box.classList.contains("shown") && $("tree").classList.contains("filtering")) {
      $("search").value = "";
      applySearch();
    }
    showView("map");
    openPath(id);
    layout();
    clearOfControls();
    if (state.target) state.target.classList.remove("target");
    if (overview) overview.select(id);
    state.target = node.box;
    node.box.classList.add("target");
    node.box.scrollIntoView({ block: "start" });
    if (focus) node.title.focus({ preventScroll: true });
  }

  // Scrolling to a card keeps it clear of the sticky controls (CSS scroll-margin).
  function clearOfControls() {
    const sticky = getComputedStyle($("controls")).position === "sticky";
    document.documentElement.style.setProperty("--head", (sticky ? $("controls").offsetHeight : 0) + "px");
  }

  function decode(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return text; // a malformed escape: take it as written
    }
  }

  function showView(name) {
    $("map-view").hidden = name !== "map";
    $("topics-view").hidden = name !== "topics";
    for (const view of ["map", "topics"]) {
      const tab = $("view-" + view);
      if (view === name) tab.setAttribute("aria-current", "page");
      else tab.removeAttribute("aria-current");
    }
  }

  function route() {
    const hash = location.hash;
    if (hash.startsWith("#claim-") && nodes.has(decode(hash.slice(7)))) {
      reveal(decode(hash.slice(7)));
    } else if (hash === "#topics" || hash.startsWith("#topic-")) {
      showView("topics");
      const box = hash.startsWith("#topic-") && document.getElementById(decode(hash.slice(1)));
      clearOfControls();
      if (box) box.scrollIntoView({ block: "start" });
    } else {
      showView("map");
    }
  }

  // --- Topic summary ----------------------------------------------------------

  function balanceChart(pro, con, label) {
    const wrap = el("div");
    const bar = el("div", "balance");
    bar.setAttribute("role", "img");
    const text = t("balance", { p: label(pro), c: label(con) });
    bar.setAttribute("aria-label", text);
    for (const [side, value] of [["pro", pro], ["con", con]]) {
      if (value <= 0) continue;
      const seg = el("span", "seg " + side);
      seg.style.flexGrow = String(value);
      bar.append(seg);
    }
    const legend = el("p", "balance-label");
    legend.append(el("span", "pro", sideWords("pro") + " " + label(pro)), " · ", el("span", "con", sideWords("con") + " " + label(con)));
    wrap.append(bar, legend);
    return wrap;
  }

  function topicCard(title, summary, row, id) {
    const item = el("li", "topic");
    if (id) item.id = "topic-" + id;
    item.append(el("h2", null, title));
    item.append(el("p", "balance-label", t("byCount")), balanceChart(row.pro, row.con, (n) => String(n)));
    if (data.scored) item.append(el("p", "balance-label", t("byScore")), balanceChart(row.proScore, row.conScore, (n) => n.toFixed(2)));
    if (summary) item.append(el("p", "summary", summary));
    if (id) {
      const actions = el("div", "topic-actions");
      if (row.first) {
        const open = el("a", null, t("openInMap"));
        open.href = "#claim-" + encodeURIComponent(row.first);
        actions.append(open);
      }
      const only = el("button", null, t("onlyTopic"));
      only.type = "button";
      only.addEventListener("click", () => {
        $("search").value = "topic:" + id;
        applySearch();
        showView("map");
        location.hash = "#map";
      });
      actions.append(only);
      item.append(actions);
    }
    return item;
  }

  function renderTopics() {
    const list = $("topic-list");
    list.textContent = "";
    const all = { pro: data.sides.pro, con: data.sides.con, proScore: 0, conScore: 0 };
    for (const row of data.topics) {
      all.proScore += row.proScore;
      all.conScore += row.conScore;
    }
    list.append(topicCard(t("allClaims"), null, all, null));
    for (const row of data.topics) list.append(topicCard(row.title || row.id, row.summary, row, row.id));
    if (!data.topics.length) list.append(el("li", "topic", t("noTopics")));
  }

  // --- Language and static text -----------------------------------------------

  function applyLanguage() {
    document.documentElement.lang = state.lang || "en";
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    $("search").placeholder = t("placeholder");
    $("search").title = t("shortcut");
    $("search").setAttribute("aria-label", t("search"));
    const thesis = data.thesis && claims.get(data.thesis);
    $("debate-title").textContent = data.title || (thesis ? heading(thesis).text : t("untitled"));
    $("debate-summary").textContent = data.summary || "";
    $("debate-summary").hidden = !data.summary;
    showLegend();
    $("generated").textContent = t("generated", { t: data.generator });
    for (const node of nodes.values()) refreshNode(node);
    for (const ref of refs) refreshRef(ref);
    renderTopics();
    fillLevels();
    if (overview) overview.relabel();
    $("overview-legend").textContent = t("overviewLegend");
    for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
    weigh.fill();
    weigh.refresh();
    showStatus(state.terms.length > 0 || state.topic !== null, state.hits.length);
  }

  function showLegend() {
    const legend = [t("legendSides"), t("counts", { n: data.claims.length, p: data.sides.pro, c: data.sides.con })];
    if (data.scored) legend.push(t("legendScores", { t: data.semantics || "?" }));
    $("legend").textContent = legend.join(" ");
  }

  function setupLanguages() {
    const select = $("language");
    const codes = ["", ...data.languages.filter((code) => code !== "en")];
    for (const code of codes) {
      const option = el("option", null, code ? LANGUAGE_NAMES[code] || code : LANGUAGE_NAMES.en);
      option.value = code;
      select.append(option);
    }
    select.value = state.lang;
    select.parentElement.hidden = codes.length < 2;
    select.addEventListener("change", () => {
      state.lang = select.value;
      applyLanguage();
    });
  }

  // --- Wiring -----------------------------------------------------------------

  function wire() {
    let timer = 0;
    const search = $("search");
    search.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(applySearch, 120);
    });
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        clearTimeout(timer);
        if (search.value !== state.query) applySearch();
        nextHit();
      } else if (event.key === "Escape") {
        search.value = "";
        applySearch();
      }
    });
    // The tabs switch at once, even when the address already ends in their anchor.
    for (const view of ["map", "topics"]) $("view-" + view).addEventListener("click", () => showView(view));
    $("expand-all").addEventListener("click", () => {
      showView("map");
      setAll(true);
    });
    $("collapse-all").addEventListener("click", () => {
      showView("map");
      setAll(false);
    });
    document.addEventListener("keydown", (event) => {
      const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.focus();
      }
    });
    // A link to the anchor already in the address bar fires no hashchange: reveal anyway.
    document.addEventListener("click", (event) => {
      const link = event.target.closest && event.target.closest("a[href^='#claim-']");
      if (link && link.getAttribute("href") === location.hash) {
        event.preventDefault();
        route();
      }
    });
    window.addEventListener("hashchange", route);
  }

  // --- Overview, re-weighing, levels, compact mode --------------------------------


  function clip(text, max) {
    const chars = [...(text || "")];
    return chars.length > max ? chars.slice(0, Math.max(1, max - 1)).join("").trimEnd() + "…" : chars.join("");
  }

  function shortLabel(claim, max) {
    return GLYPH[sideOf(claim)] + " " + clip(heading(claim).text, Math.max(1, max - 2));
  }

  // The claim's heading in at most `count` lines of about `width` characters.
  function wrapLabel(claim, width, count) {
    const words = (heading(claim).text || "").split(/\s+/).filter(Boolean);
    words[0] = GLYPH[sideOf(claim)] + " " + (words[0] || "");
    const lines = [];
    for (const word of words) {
      const last = lines.length - 1;
      if (last >= 0 && [...lines[last]].length + 1 + [...word].length <= width) lines[last] += " " + word;
      else lines.push(word);
    }
    const shown = lines.slice(0, count).map((text) => clip(text, width + 1));
    if (lines.length > count) shown[count - 1] = clip(shown[count - 1] + " …", width + 1);
    return shown;
  }

  function scoreText(claim) {
    if (typeof claim.score !== "number") return t("noScore");
    return t("tipScore", { t: (claim.label ? claim.label + " " : "") + claim.score.toFixed(2) });
  }

  function describe(claim) {
    const topic = topics.get(claim.topic);
    return [sideWords(sideOf(claim)), topic ? topic.title || topic.id : null, scoreText(claim), claim.id].filter(Boolean).join(" · ");
  }

  function regionTitle(topic, loose, max) {
    if (loose) return t("loneRegion");
    const row = topic === null ? null : topics.get(topic);
    return clip(row ? row.title || row.id : topic === null ? t("noTopic") : topic, max);
  }

  function perspectiveName(p) {
    if (p.name === "base") return t("baseWeights") + " (base)";
    return p.title ? p.title + " (" + p.name + ")" : p.name;
  }

  // Open claim `id` in the outline: the branches above it, its card, and its replies.
  function openClaim(id) {
    const node = nodes.get(id);
    if (!node) return;
    if (node.toggle) setOpen(node, true);
    reveal(id);
  }

  function filterTopic(id) {
    $("search").value = "topic:" + id;
    applySearch();
    showView("map");
  }

  function rescored() {
    for (const node of nodes.values()) {
      if (!node.scoreBox) continue;
      const box = scoreView(node.claim);
      node.scoreBox.replaceWith(box);
      node.scoreBox = box;
    }
    if (overview) overview.recolour();
    renderTopics();
    showLegend();
  }

  // "Open to level N": claims down to level N are shown, everything deeper is closed.
  function fillLevels() {
    const select = $("level");
    const chosen = select.value;
    const deepest = rows.reduce((most, row) => Math.max(most, row.level + 1), 0);
    select.textContent = "";
    select.append(el("option", null, "—"));
    select.firstChild.value = "";
    for (let level = 1; level <= Math.min(deepest, 40); level++) {
      const option = el("option", null, String(level));
      option.value = String(level);
      select.append(option);
    }
    const all = el("option", null, t("allLevels"));
    all.value = "all";
    select.append(all);
    select.value = chosen;
  }

  function openToLevel(value) {
    if (value === "all") setAll(true);
    else if (value) {
      const level = Number(value);
      for (const node of nodes.values()) setOpen(node, tops.has(node.id) || node.level < level - 1);
      layout();
    }
  }

  function showProblems() {
    $("problems").hidden = false;
    $("layout").hidden = true;
    $("controls").hidden = true;
    $("debate-title").textContent = data.title || t("untitled");
    $("debate-summary").hidden = true;
    const list = $("problem-list");
    for (const problem of data.problems) {
      const item = el("li", "problem " + problem.severity);
      item.append(el("code", "where", problem.where), " ", el("strong", null, problem.severity + ":"), " ", el("span", "message", problem.message));
      if (problem.hint) item.append(el("p", "hint", "hint: " + problem.hint));
      list.append(item);
    }
  }

  const api = {
    t, claim: (id) => claims.get(id), sideOf, shortLabel, wrapLabel, describe, regionTitle,
    open: openClaim, filterTopic, perspectiveName, rescored, mapLabel: (n) => t("mapLabel", { n }),
  };
  let overview = null;
  let weigh = { fill: () => {}, refresh: () => {} };

  if (data.problems) {
    showProblems();
  } else {
    render();
    if (data.overview) {
      document.body.classList.add("has-overview");
      overview = agidebateOverview(data, api);
    } else {
      $("overview").hidden = true;
    }
    weigh = agidebateWeigh(data, api);
    setupLanguages();
    applyLanguage();
    wire();
    $("level").addEventListener("change", (event) => {
      showView("map");
      openToLevel(event.target.value);
    });
    $("compact").addEventListener("change", (event) => document.body.classList.toggle("compact", event.target.checked));
    for (const id of ["expand-all", "collapse-all"]) $(id).addEventListener("click", () => ($("level").value = ""));
    clearOfControls();
    window.addEventListener("resize", clearOfControls);
    route();
  }
  document.body.dataset.ready = String(Math.round(performance.now()));
})();
