// The timeline's behaviour on top of htmx; every page works without it.
(function () {
  "use strict";

  function browseSwapped(event) {
    var target = event.detail && event.detail.target;
    return (target && target.id === "browse") || (event.target && event.target.id === "browse");
  }

  // After the results change: say what is shown and move focus to it.
  function announceResults(moveFocus) {
    var heading = document.getElementById("results-heading");
    var count = document.getElementById("result-count");
    var announce = document.getElementById("announce");
    if (announce) announce.textContent = (heading ? heading.textContent : "") + (count ? ": " + count.textContent : "");
    if (heading && moveFocus) heading.focus({ preventScroll: false });
  }

  // A phone user who opened the filters keeps them open while choosing several.
  var panelWasOpen = false;
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (!browseSwapped(event)) return;
    var panel = document.querySelector(".facets__panel");
    panelWasOpen = !!(panel && panel.open);
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (!browseSwapped(event)) return;
    var panel = document.querySelector(".facets__panel");
    if (panel && panelWasOpen) panel.open = true;
    announceResults(true);
    setBusy(false);
  });

  // Back and Forward restore a page from htmx's history cache: no swap event, no target.
  document.addEventListener("htmx:historyRestore", function () {
    setBusy(false);
    announceResults(false);
  });

  // A filter that cannot be used answers 400 with a message for the results area: show it
  // there (django-htmx's debug helper would otherwise replace the whole page with it).
  document.addEventListener("htmx:beforeOnLoad", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.status === 400 && xhr.getResponseHeader("X-Timeline-Filters") === "invalid") {
      event.stopPropagation();
    }
  }, true);

  // Loading: the results say they are busy, and the indicator shows.
  function setBusy(busy) {
    var results = document.getElementById("results");
    if (!results) return;
    if (busy) results.setAttribute("aria-busy", "true");
    else results.removeAttribute("aria-busy");
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var elt = event.detail.elt;
    // Only what replaces the results: not the sources of one event, more rows, or actor names.
    if (elt && elt.closest && elt.closest("#browse") && !(elt.closest(".sources, .actor-search") || elt.id === "load-more")) {
      setBusy(true);
    }
  });
  document.addEventListener("htmx:afterRequest", function () { setBusy(false); });

  // Date fields say what they accept as soon as a value is typed, before anyone submits.
  var DATE = /^\d{4}(-\d{1,2}(-\d{1,2})?)?$/;
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("input[data-partial-date]")) return;
    var value = input.value.trim();
    var bad = value !== "" && !DATE.test(value);
    if (bad) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    var hint = document.getElementById("date-hint");
    if (hint) hint.classList.toggle("is-invalid", !!document.querySelector("input[data-partial-date][aria-invalid]"));
  });

  // Copy link and citation: to the clipboard, said in the status line; without JavaScript the
  // link is the event's address and the citation is selectable text.
  function copyText(text, field) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = field || document.createElement("textarea");
      if (!field) { area.value = text; area.setAttribute("readonly", ""); area.className = "visually-hidden"; document.body.appendChild(area); }
      area.select();
      var ok = document.execCommand("copy");
      if (!field) area.remove();
      if (ok) resolve(); else reject(new Error("copy refused"));
    });
  }
  function say(from, message) {
    var box = from.closest(".cite");
    var status = box && box.querySelector(".cite__status");
    if (status) status.textContent = message;
  }
  function showCopyButtons(root) {
    root.querySelectorAll("[data-copy-from][hidden]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("DOMContentLoaded", function () { showCopyButtons(document); });
  document.addEventListener("htmx:afterSwap", function (event) { showCopyButtons(event.detail.target || document); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-copy]");
    var button = event.target.closest && event.target.closest("[data-copy-from]");
    if (link) {
      event.preventDefault();
      copyText(link.getAttribute("data-copy")).then(
        function () { say(link, "Link copied: " + link.getAttribute("data-copy")); },
        function () { say(link, "Could not copy; the link is " + link.getAttribute("data-copy")); }
      );
    } else if (button) {
      var field = document.getElementById(button.getAttribute("data-copy-from"));
      if (!field) return;
      copyText(field.value, field).then(
        function () { say(button, "Citation copied."); },
        function () { field.select(); say(button, "Could not copy; the citation is selected."); }
      );
    }
  });

  // The time axis: drag across it, or focus it and use the arrow keys, to choose a range.
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  function chartOf(plot) {
    var first = plot.getAttribute("data-first").split("-");
    return {
      plot: plot,
      year: +first[0],
      month: +first[1] - 1,
      size: +plot.getAttribute("data-months"),
      counts: plot.getAttribute("data-counts").split(",").map(Number),
      base: plot.getAttribute("data-base"),
      brush: plot.querySelector(".chart__brush"),
      status: plot.closest(".chart").querySelector(".chart__status")
    };
  }
  function monthAt(chart, i) {
    var m = chart.month + i;
    return { year: chart.year + Math.floor(m / 12), month: m % 12 };
  }
  function iso(chart, i) {
    var d = monthAt(chart, i);
    return d.year + "-" + (d.month < 9 ? "0" : "") + (d.month + 1);
  }
  function named(chart, i) {
    var d = monthAt(chart, i);
    return MONTHS[d.month] + " " + d.year;
  }
  function describeRange(chart, a, b) {
    var lo = Math.min(a, b), hi = Math.max(a, b), n = 0;
    for (var i = lo; i <= hi; i++) n += chart.counts[i] || 0;
    var when = lo === hi ? named(chart, lo) : named(chart, lo) + " to " + named(chart, hi);
    return when + ": " + n + " event" + (n === 1 ? "" : "s");
  }
  function showBrush(chart, a, b) {
    var lo = Math.min(a, b), hi = Math.max(a, b);
    chart.brush.setAttribute("x", lo);
    chart.brush.setAttribute("width", hi - lo + 1);
    chart.brush.classList.add("is-active");
    if (chart.status) chart.status.textContent = describeRange(chart, a, b);
  }
  function hideBrush(chart) {
    chart.brush.classList.remove("is-active");
    if (chart.status) chart.status.textContent = "";
  }
  function go(chart, a, b) {
    var lo = Math.min(a, b), hi = Math.max(a, b);
    var url = chart.base + (chart.base.indexOf("?") < 0 ? "?" : "&") + "from=" + iso(chart, lo) + "&to=" + iso(chart, hi);
    if (chart.plot.hasAttribute("data-htmx") && window.htmx) {
      window.htmx.ajax("GET", url, { source: chart.plot, target: "#browse", swap: "outerHTML" }).then(function () {
        if (location.pathname + location.search !== url) history.pushState({ htmx: true }, "", url);
      });
    } else {
      window.location.assign(url);
    }
  }
  function indexAt(chart, clientX) {
    var box = chart.plot.querySelector(".chart__svg").getBoundingClientRect();
    var i = Math.floor((clientX - box.left) / box.width * chart.size);
    return Math.max(0, Math.min(chart.size - 1, i));
  }
  function setUpChart(plot) {
    if (plot.hasAttribute("data-ready")) return;
    plot.setAttribute("data-ready", "");
    var chart = chartOf(plot), start = null, cursor = null, anchor = null;
    plot.setAttribute("tabindex", "0");
    plot.setAttribute("role", "group");
    plot.setAttribute("aria-roledescription", "time axis");
    plot.setAttribute("aria-label", "Choose months: arrow keys move, Shift with an arrow extends, Enter shows them, Escape cancels");
    var svg = plot.querySelector(".chart__svg");
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      start = indexAt(chart, event.clientX);
      svg.setPointerCapture(event.pointerId);
      showBrush(chart, start, start);
      event.preventDefault();
    });
    svg.addEventListener("pointermove", function (event) {
      if (start === null) return;
      showBrush(chart, start, indexAt(chart, event.clientX));
    });
    svg.addEventListener("pointerup", function (event) {
      if (start === null) return;
      var end = indexAt(chart, event.clientX), from = start;
      start = null;
      go(chart, from, end);
    });
    svg.addEventListener("pointercancel", function () { start = null; hideBrush(chart); });
    // The month links are for browsers without this script: the pointer handlers decide.
    svg.addEventListener("click", function (event) {
      if (event.target.closest("a")) event.preventDefault();
    });
    plot.addEventListener("keydown", function (event) {
      var key = event.key;
      if (key === "Escape") { cursor = anchor = null; hideBrush(chart); return; }
      if (key === "Enter" && cursor !== null) { event.preventDefault(); go(chart, anchor, cursor); return; }
      var step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: 12, ArrowDown: -12, Home: -Infinity, End: Infinity }[key];
      if (step === undefined) return;
      event.preventDefault();
      if (cursor === null) cursor = step > 0 ? -1 : chart.size;
      cursor = Math.max(0, Math.min(chart.size - 1, cursor + (isFinite(step) ? step : step > 0 ? chart.size : -chart.size)));
      if (!event.shiftKey || anchor === null) anchor = cursor;
      showBrush(chart, anchor, cursor);
    });
    plot.addEventListener("blur", function () { if (start === null) { cursor = anchor = null; hideBrush(chart); } });
  }
  function setUpCharts(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("[data-chart]").forEach(setUpChart);
  }
  document.addEventListener("DOMContentLoaded", function () { setUpCharts(document); });
  document.addEventListener("htmx:load", function (event) { setUpCharts(event.detail.elt); });
})();
