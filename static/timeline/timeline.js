// After htmx swaps the results: move focus to their heading and announce the count.
// Loading more rows on scroll or opening an event's sources leaves focus alone.
(function () {
  function fitPanel() {
    var panel = document.querySelector(".facets__panel");
    if (panel && window.matchMedia("(max-width: 55rem)").matches) panel.open = false;
  }
  document.addEventListener("DOMContentLoaded", fitPanel);
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "browse" && event.target.id !== "browse") return;
    fitPanel();
    var heading = document.getElementById("results-heading");
    var count = document.getElementById("result-count");
    var announce = document.getElementById("announce");
    if (announce) announce.textContent = (heading ? heading.textContent + ": " : "") + (count ? count.textContent : "");
    if (heading) heading.focus({ preventScroll: false });
  });
})();
