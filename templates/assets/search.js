/* relnotes built-in theme: search as you type, in the audience's own search-index.js.
   The index is loaded (as a script, so that a site opened from disk searches too) when the
   reader first uses the box; without JavaScript the box stays hidden and every page reads
   as it is. */
(function () {
  "use strict";
  var limit = 20;

  function start() {
    var form = document.querySelector(".site-search");
    if (!form) return;
    var input = form.querySelector("input");
    var output = form.querySelector(".search-results");
    var root = form.getAttribute("data-root") || "";
    var index = null;
    var requested = false;

    function fold(text) {
      return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    }

    window.relnotesSearchIndex = function (data) {
      var releases = data.releases.map(function (row) {
        return { version: row[0], path: row[1], prefix: row[2], title: row[3], summary: row[4], date: row[5], state: row[6],
                 text: fold([row[0], row[3], row[4]].join(" ")) };
      });
      var entries = data.entries.map(function (row) {
        var release = releases[row[0]];
        var component = row[2] < 0 ? "" : data.components[row[2]];
        var anchor = row[3].charAt(0) === "#" ? row[3].slice(1) : release.prefix + row[3];
        return { release: release, type: data.types[row[1]], component: component, anchor: anchor, title: row[4], tickets: row[5],
                 text: fold([row[4], row[5], component, data.types[row[1]], release.version].join(" ")) };
      });
      index = { releases: releases, entries: entries };
      search();
    };

    function load() {
      if (requested) return;
      requested = true;
      var script = document.createElement("script");
      script.src = form.getAttribute("data-index");
      script.onerror = function () { say("The search index could not be loaded."); };
      document.head.appendChild(script);
    }

    function say(text) {
      output.textContent = "";
      var p = document.createElement("p");
      p.className = "search-note";
      p.textContent = text;
      output.appendChild(p);
    }

    function item(list, href, title, meta) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = href;
      var strong = document.createElement("span");
      strong.className = "search-title";
      strong.textContent = title;
      var small = document.createElement("span");
      small.className = "search-meta";
      small.textContent = meta;
      a.appendChild(strong);
      a.appendChild(small);
      li.appendChild(a);
      list.appendChild(li);
    }

    function search() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      output.textContent = "";
      if (!words.length) return;
      if (!index) { load(); say("Loading…"); return; }
      function matches(record) { return words.every(function (word) { return record.text.indexOf(word) >= 0; }); }
      var list = document.createElement("ul");
      var found = 0;
      index.releases.forEach(function (release) {
        if (found < limit && matches(release)) {
          found += 1;
          item(list, root + release.path, release.version + (release.title ? " · " + release.title : ""), (release.state ? release.state + " · " : "") + (release.date || "release"));
        }
      });
      index.entries.forEach(function (entry) {
        if (found < limit && matches(entry)) {
          found += 1;
          item(list, root + entry.release.path + "#" + entry.anchor, entry.title, entry.release.version + " · " + entry.type + (entry.component ? " · " + entry.component : "") + (entry.tickets ? " · " + entry.tickets : ""));
        }
      });
      if (!found) { say("Nothing found for \u201c" + input.value.trim() + "\u201d."); return; }
      output.appendChild(list);
    }

    form.hidden = false;
    input.addEventListener("focus", load);
    input.addEventListener("input", search);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { input.value = ""; output.textContent = ""; }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = output.querySelector("a");
      if (first) window.location.href = first.href;
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
