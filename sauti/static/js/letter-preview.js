// Live preview of the letter-template editor (form[data-preview-url]).
// Without JavaScript the "Preview" button does the same by reloading the page.
// While the writer types, the form is posted (CSRF token included) to the preview
// address 400 ms after the last key; the server answers with an HTML fragment
// built from escaped text, which replaces the preview region (aria-live="polite").
// Nothing is saved.
(function () {
  "use strict";

  var DELAY = 400;

  function init(form) {
    var url = form.getAttribute("data-preview-url");
    var region = document.getElementById(form.getAttribute("data-preview-target"));
    if (!url || !region || !window.fetch || !window.FormData) { return; }
    var timer = null;
    var controller = null;
    var tokenField = form.querySelector("input[name=csrfmiddlewaretoken]");

    function refresh() {
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var data = new FormData(form);
      window.fetch(url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: {
          "X-CSRFToken": tokenField ? tokenField.value : "",
          "X-Requested-With": "fetch"
        },
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      }).then(function (html) {
        region.innerHTML = html;
      }).catch(function () {
        // Offline or signed out: the "Preview" button still works.
      });
    }

    function later() {
      if (timer) { window.clearTimeout(timer); }
      timer = window.setTimeout(refresh, DELAY);
    }

    form.addEventListener("input", later);
    form.addEventListener("change", later);
  }

  function start() {
    var forms = document.querySelectorAll("form[data-preview-url]");
    Array.prototype.forEach.call(forms, init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
