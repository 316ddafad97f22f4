/* Progressive extras for the itinerary: everything on the page works without them. */
(function () {
  "use strict";
  var page = document.querySelector("[data-service-worker]");
  var offlineNote = document.querySelector(".offline-note");
  var savedNote = document.querySelector(".saved-note");

  function showConnection() {
    if (offlineNote) {
      offlineNote.hidden = navigator.onLine;
    }
  }
  window.addEventListener("online", showConnection);
  window.addEventListener("offline", showConnection);
  showConnection();

  if (!page || !("serviceWorker" in navigator)) {
    return;
  }
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "cached") {
      document.documentElement.setAttribute("data-offline-ready", "true");
      if (savedNote) {
        savedNote.hidden = false;
      }
    }
  });
  navigator.serviceWorker
    .register(page.getAttribute("data-service-worker"), {
      scope: page.getAttribute("data-service-worker-scope"),
    })
    .then(function () {
      return navigator.serviceWorker.ready;
    })
    .then(function (registration) {
      var urls = [location.href];
      var assets = document.querySelectorAll(
        'link[rel="stylesheet"], link[rel="icon"], link[rel="manifest"], script[src]'
      );
      Array.prototype.forEach.call(assets, function (element) {
        urls.push(element.href || element.src);
      });
      registration.active.postMessage({ type: "cache", urls: urls });
    })
    .catch(function () {
      /* No offline copy on this browser; the page itself is unaffected. */
    });
})();
