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
    if (elt && elt.closest && elt.closest("#browse") && !(elt.closest(".sources") || elt.id === "load-more")) {
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
})();
