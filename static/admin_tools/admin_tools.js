// Behaviour of our admin pages, kept out of the HTML for the Content-Security-Policy.
document.addEventListener("DOMContentLoaded", () => {
  // The language switch submits itself; without JavaScript its "Change" button does.
  const select = document.getElementById("admin-language");
  if (select) {
    select.addEventListener("change", () => select.form.submit());
  }
  // The export's "Select all" (django-import-export wires it with an inline onchange).
  const toggle = document.querySelector("input.select-toggle");
  if (toggle && typeof onSelectToggleChange === "function") {
    toggle.addEventListener("change", onSelectToggleChange);
  }
});
