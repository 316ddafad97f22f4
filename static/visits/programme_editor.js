// One language switch for the whole session form: showing or hiding a language hides its
// column only; the values stay in the form and are saved with it.
(function () {
  "use strict";
  function shownLanguages(switchForm) {
    return Array.from(switchForm.querySelectorAll("[data-language-toggle]"))
      .filter(function (box) { return box.checked; })
      .map(function (box) { return box.value; });
  }
  function apply(switchForm) {
    var shown = shownLanguages(switchForm);
    document.querySelectorAll(".language-column[data-language]").forEach(function (column) {
      column.hidden = shown.indexOf(column.dataset.language) === -1;
    });
    var value = shown.join(",");
    document.querySelectorAll("[data-languages-value]").forEach(function (input) {
      input.value = value;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var switchForm = document.querySelector("[data-languages-form]");
    if (!switchForm) { return; }
    switchForm.addEventListener("change", function () { apply(switchForm); });
    switchForm.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(switchForm);
    });
  });
}());

// Start and end are asked only for an exact time: "morning" or "all day" needs neither.
(function () {
  "use strict";
  function follow(precision) {
    var exact = precision.value === "exact";
    ["start", "end"].forEach(function (name) {
      var field = document.querySelector(".programme-form .field-" + name);
      if (field) { field.classList.toggle("is-not-needed", !exact); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var precision = document.getElementById("id_time_precision");
    if (!precision) { return; }
    precision.addEventListener("change", function () { follow(precision); });
    follow(precision);
  });
}());
