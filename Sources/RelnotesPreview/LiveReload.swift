/// The script every preview page loads: it asks the server for the build generation
/// twice a second and reloads the page when a new build (or a failed one) is there.
/// Pages read fine without it; it only saves pressing reload.
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
        })();

        """
}
