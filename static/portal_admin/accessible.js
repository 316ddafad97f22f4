/* What Django's admin and modeltranslation's tabs leave out for screen readers and keyboards
 * (axe-core's serious and critical findings), added once everything else has run. */
(function () {
  "use strict";

  function labelTabularFields() {
    // A tabular inline labels its fields by a column header only (modeltranslation even
    // merges a field's languages into one cell of tabs); say the header on each field.
    document.querySelectorAll(".tabular table").forEach(function (table) {
      var columns = [];
      table.querySelectorAll("thead th").forEach(function (th) {
        for (var span = 0; span < (th.colSpan || 1); span += 1) {
          columns.push(th.textContent.trim());
        }
      });
      table.querySelectorAll("tbody tr").forEach(function (row, rowIndex) {
        var column = 0;
        Array.prototype.forEach.call(row.children, function (cell) {
          var header = columns[column] || "";
          column += cell.colSpan || 1;
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (field) {
            if ((field.labels && field.labels.length) || field.getAttribute("aria-label")) {
              return;
            }
            var language = /_([a-z]{2})$/.exec(field.name || "");
            var text = (header || (field.name || "").split("-").pop()) + (language ? " (" + language[1] + ")" : "");
            field.setAttribute("aria-label", text + ", " + (rowIndex + 1));
          });
        });
      });
    });
  }

  function untangleTranslationTabs() {
    // jQuery UI puts role=tab on the list item and keeps a focusable link inside it: one
    // control inside another. The item already answers keys and clicks; the link needs no
    // address once the tabs are built.
    // Without its address jQuery UI would take a tab for a remote one and load nothing
    // into it: every tab here is on the page, so it is told so.
    [window.jQuery, window.django && window.django.jQuery].forEach(function ($) {
      if ($ && $.ui && $.ui.tabs) {
        $.ui.tabs.prototype._isLocal = function () {
          return true;
        };
      }
    });
    document.querySelectorAll("li[role=tab] > a.ui-tabs-anchor").forEach(function (link) {
      link.removeAttribute("href");
      link.removeAttribute("tabindex");
    });
    var script = document.querySelector("script[data-language-switch-label]");
    var mainSwitch = document.getElementById("modeltranslation-main-switch");
    if (script && mainSwitch && !mainSwitch.getAttribute("aria-label")) {
      mainSwitch.setAttribute("aria-label", script.getAttribute("data-language-switch-label"));
    }
  }

  function fix() {
    labelTabularFields();
    untangleTranslationTabs();
  }
  // modeltranslation builds its tabs in jQuery's ready handlers, which may run after the
  // window's load; a ready handler added now runs after theirs, whichever comes first.
  var jq = window.jQuery || (window.django && window.django.jQuery);
  if (jq) {
    jq(function () {
      window.setTimeout(fix, 0);
    });
  } else {
    window.addEventListener("load", fix);
  }
})();
