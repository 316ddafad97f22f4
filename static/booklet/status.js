// The booklet waiting page: ask whether the booklet is ready, then fetch it from the same
// address. Without JavaScript, the <noscript> meta refresh reloads the page instead.
(function () {
  "use strict";
  var body = document.body;
  var statusUrl = body.getAttribute("data-status-url");
  var pageUrl = body.getAttribute("data-page-url");
  var seconds = parseInt(body.getAttribute("data-poll-seconds"), 10) || 2;
  if (!statusUrl || !pageUrl) {
    return;
  }
  function poll() {
    fetch(statusUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (data.status === "ready" || data.status === "failed") {
          window.location.replace(pageUrl);
        } else {
          window.setTimeout(poll, seconds * 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, seconds * 3000); });
  }
  window.setTimeout(poll, seconds * 1000);
})();
