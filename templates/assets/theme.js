/* relnotes built-in theme: a light/dark switch that remembers the reader's choice, and
   changelog filters that stay on from one page of the changelog to the next.
   Without this script the system's colour scheme applies and the switch stays hidden;
   a filter (a #filter-… fragment, applied by CSS alone) then holds for one page. */
(function () {
  "use strict";
  var key = "relnotes-theme";
  var root = document.documentElement;
  try {
    var saved = window.localStorage.getItem(key);
    if (saved === "light" || saved === "dark") root.setAttribute("data-theme", saved);
  } catch (ignored) { /* storage may be off: the system's scheme applies */ }

  function current() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen;
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    function show() { button.setAttribute("aria-pressed", current() === "dark" ? "true" : "false"); }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var next = current() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { window.localStorage.setItem(key, next); } catch (ignored) { /* kept for this page only */ }
      show();
    });
  });

  // Moving to a newer or older page of the changelog keeps the filter the reader chose.
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest(".pagination a") : null;
    var filter = window.location.hash.slice(1);
    if (!link || filter.indexOf("filter-") !== 0) return;
    var target = document.getElementById(filter);
    if (!target || !target.classList.contains("filter-target")) return;
    link.href = link.href.split("#")[0] + "#" + filter;
  });
})();
