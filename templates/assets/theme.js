/* relnotes built-in theme: a light/dark switch that remembers the reader's choice.
   Without this script the system's colour scheme applies and the switch stays hidden. */
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
})();
