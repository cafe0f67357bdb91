/// The script every preview page loads: it asks the server for the build generation
/// twice a second and reloads the page when a new build (or a failed one) is there, and on
/// a release page it adds to the banner a link to the compare view of that release (the
/// banner is the theme's; the link is the preview's). Pages read fine without it; it only
/// saves pressing reload, and the compare view is also reached from `/`.
enum LiveReload {
    static let script = """
        (function () {
          var seen = null;
          function poll() {
            fetch("\(PreviewResponder.generationPath)", { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (generation) {
                if (seen !== null && generation !== seen) { location.reload(); return; }
                seen = generation;
                setTimeout(poll, 500);
              })
              .catch(function () { setTimeout(poll, 1000); });
          }
          poll();
          var banner = document.querySelector(".preview-banner");
          var release = location.pathname.match(/^\\/([^\\/]+)\\/releases\\/([^\\/]+)\\//);
          if (!banner || !release) { return; }
          var names = Array.prototype.map.call(banner.querySelectorAll(".preview-switch a"), function (link) {
            return decodeURIComponent(link.getAttribute("href").split("/")[1]);
          });
          var current = decodeURIComponent(release[1]);
          var other = names.filter(function (name) { return name !== current; })[0];
          if (other === undefined) { return; }
          var first = names.indexOf(current) < names.indexOf(other) ? current : other;
          var second = first === current ? other : current;
          var paragraph = document.createElement("p");
          paragraph.className = "preview-compare";
          var link = document.createElement("a");
          link.href = "\(ComparePage.path)" + release[2] + "?a=" + encodeURIComponent(first) + "&b=" + encodeURIComponent(second);
          link.textContent = "Compare audiences";
          paragraph.appendChild(link);
          banner.appendChild(paragraph);
        })();

        """
}
