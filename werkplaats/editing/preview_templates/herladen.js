// The preview reloads itself when a newer version of the site is built
// (werkplaats/editing/preview.py). The preview server answers
// /livereload/<version>/<id> as soon as its newest version is newer than the
// one this page shows; a failed build counts as a version too, so a page
// shows the explanation of a broken file, and the site again once it is fixed.
// Only in `make serve`: a built site never contains this script.
(function () {
  "use strict";
  var version = Number(document.currentScript.dataset.versie);
  var id = String(Date.now());
  var controller = null;

  function poll() {
    if (controller || document.visibilityState !== "visible") return;
    controller = new AbortController();
    fetch("/livereload/" + version + "/" + id, { cache: "no-store", signal: controller.signal })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (text) {
        controller = null;
        if (Number(text) > version) location.reload();
        else poll();
      })
      .catch(function (error) {
        var stopped = error && error.name === "AbortError";
        controller = null;
        // The preview restarts or is gone: ask again a moment later.
        if (!stopped) setTimeout(poll, 1000);
      });
  }

  function stop() {
    if (controller) controller.abort();
    controller = null;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll();
    else stop();
  });
  window.addEventListener("pagehide", stop);
  poll();
})();
