// Live reload for `agidebate serve` (added only to the served page; an exported page has
// none of this). The server sends the number of its latest build as a server-sent event;
// when it is not the one this page was built from, the page reloads itself, keeping the
// reader's place: the scroll position, the open branches, the chosen perspective and
// semantics, titles-only mode.
(() => {
  "use strict";
  const KEY = "agidebate-serve-place";
  const data = JSON.parse(document.getElementById("debate-data").textContent);
  const mine = data.live.version;
  const note = document.createElement("p");
  note.className = "live-note";
  note.setAttribute("role", "status");
  document.querySelector(".page-foot").append(note);

  function say(text) {
    note.textContent = text;
  }

  function keepPlace() {
    if (data.problems) return; // keep the place saved before the file broke
    const place = {
      x: window.scrollX,
      y: window.scrollY,
      open: [...document.querySelectorAll(".node.open")].map((node) => node.id),
      picks: ["perspective", "semantics"].map((id) => [id, document.getElementById(id).value]),
      compact: document.getElementById("compact").checked,
    };
    try {
      sessionStorage.setItem(KEY, JSON.stringify(place));
    } catch (error) {
      // storage refused (private mode, quota): the page reloads at the top
    }
  }

  function restorePlace() {
    if (data.problems) return;
    let place = null;
    try {
      place = JSON.parse(sessionStorage.getItem(KEY) || "null");
      sessionStorage.removeItem(KEY);
    } catch (error) {
      place = null;
    }
    if (!place) return;
    for (const [id, value] of place.picks || []) {
      const select = document.getElementById(id);
      if (select && [...select.options].some((option) => option.value === value) && select.value !== value) {
        select.value = value;
        select.dispatchEvent(new Event("change"));
      }
    }
    const compact = document.getElementById("compact");
    if (compact.checked !== !!place.compact) compact.click();
    for (const id of place.open || []) {
      const toggle = document.querySelector(`[id="${CSS.escape(id)}"]:not(.open) > .card .toggle`);
      if (toggle) toggle.click();
    }
    window.scrollTo(place.x || 0, place.y || 0);
  }

  restorePlace();
  say("Live preview of agidebate serve: this page reloads when a file of the debate changes.");
  const events = new EventSource("/events");
  events.addEventListener("version", (event) => {
    if (Number(event.data) !== mine) {
      say("The debate changed: reloading…");
      keepPlace();
      window.location.reload();
    }
  });
  events.addEventListener("error", () => say("Live preview: the server is not answering; retrying…"));
  document.body.dataset.live = String(mine);
})();
