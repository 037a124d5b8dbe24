// The re-weigh control: pick a perspective and a semantics, and the page shows the scores
// computed for that pair at export time (agidebate/export/weighings.py). No scoring runs
// here: every number below was written into the page by `agidebate export`.
function agidebateWeigh(data, page) {
  "use strict";
  const weighings = data.weighings;
  const perspective = document.getElementById("perspective");
  const semantics = document.getElementById("semantics");
  const runs = new Map();
  if (!weighings) return { current: () => null, refresh: () => {}, fill: () => {} };
  for (const run of weighings.runs) runs.set(run.perspective + "\n" + run.semantics, run);
  let current = null;

  function fillSelects() {
    const keep = [perspective.value, semantics.value];
    perspective.textContent = "";
    for (const p of weighings.perspectives) {
      const option = document.createElement("option");
      option.value = p.name;
      option.textContent = page.perspectiveName(p);
      perspective.append(option);
    }
    semantics.textContent = "";
    for (const s of weighings.semantics) {
      const option = document.createElement("option");
      option.value = s.name;
      option.textContent = s.name + " — " + s.title;
      semantics.append(option);
    }
    if (keep[0]) [perspective.value, semantics.value] = keep;
  }

  // Put the chosen run's scores on the claims and topics, then let the page redraw.
  function apply() {
    const run = runs.get(perspective.value + "\n" + semantics.value);
    if (!run) return;
    current = run;
    data.claims.forEach((claim, index) => {
      claim.score = run.scores[index];
      claim.label = run.labels ? run.labels[index] : null;
    });
    data.topics.forEach((topic, index) => {
      [topic.proScore, topic.conScore] = run.topics[index] || [0, 0];
    });
    data.semantics = run.semantics;
    page.rescored();
    refresh();
  }

  function describe(name) {
    return weighings.perspectives.find((p) => p.name === name);
  }

  // The verdict panel: the number as `agidebate score --json` gives it, the words
  // `agidebate score` prints, a band when the export has one, and how it was weighed.
  function refresh() {
    const box = document.getElementById("verdict");
    const run = current;
    const verdict = run && run.verdict;
    box.hidden = !verdict && !weighings.partial;
    if (!run) return;
    box.dataset.perspective = run.perspective;
    box.dataset.semantics = run.semantics;
    const value = document.getElementById("verdict-value");
    const phrase = document.getElementById("verdict-phrase");
    const band = document.getElementById("verdict-band");
    if (verdict) {
      box.dataset.value = String(verdict.value);
      value.textContent = Number(verdict.value).toFixed(2);
      phrase.textContent = page.t("verdictIs", { t: verdict.phrase });
      // The band (when claims are left free), Carneades' proof standard, the best each way.
      const low = verdict.low, high = verdict.high, std = verdict.standard;
      const parts = typeof low === "number" && high - low >= 0.005 ? [page.t("band", { lo: low.toFixed(2), hi: high.toFixed(2) })] : [];
      if (std) parts.push(page.t("standard", { t: typeof std === "object" ? std.name + (std.side ? " (" + std.side + ")" : "") : std }));
      for (const [key, best] of [["bestPro", verdict.best_pro], ["bestCon", verdict.best_con]]) if (best) parts.push(page.t(key, { id: best.id, s: Number(best.strength).toFixed(2) }));
      band.hidden = parts.length === 0;
      band.textContent = parts.join(" ");
    } else {
      delete box.dataset.value;
      value.textContent = "";
      phrase.textContent = page.t("noThesis");
      band.hidden = true;
    }
    const who = describe(run.perspective);
    const parts = [page.t("weighedBy", { s: run.semantics, p: who ? page.perspectiveName(who) : run.perspective })];
    if (who && who.weighed) parts.push(page.t("weighed", { n: who.weighed, total: data.claims.length }));
    if (weighings.partial) parts.push(page.t("partial", { t: weighings.partial }));
    document.getElementById("verdict-how").textContent = parts.join(" ");
    const about = document.getElementById("verdict-about");
    about.hidden = !(who && who.summary);
    if (!about.hidden) {
      document.getElementById("verdict-about-head").textContent = page.t("about", { t: who.title || who.name }) + (who.by ? " · " + who.by : "");
      document.getElementById("verdict-summary").textContent = who.summary;
    }
  }

  fillSelects();
  perspective.value = weighings.initial[0];
  semantics.value = weighings.initial[1];
  for (const label of document.querySelectorAll(".weigh")) label.hidden = false;
  perspective.addEventListener("change", apply);
  semantics.addEventListener("change", apply);
  apply();
  return { current: () => current, refresh, fill: fillSelects };
}
