// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  function focusErrorSummary(root) {
    var summary = (root || document).querySelector("[data-autofocus]");
    if (summary) { summary.focus(); }
  }
  document.addEventListener("DOMContentLoaded", function () { focusErrorSummary(document); });
  document.addEventListener("htmx:afterSwap", function (event) { focusErrorSummary(event.target); });
  // The language switcher submits itself when JavaScript is available.
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "language-select") { event.target.form.submit(); }
  });
})();
