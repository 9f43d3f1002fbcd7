// Adds a "Copy" button under each read-only message text (textarea.copy-text).
// Without JavaScript the text can still be selected and copied by hand.
(function () {
  "use strict";

  function copy(area, button) {
    var done = function () {
      var label = button.textContent;
      button.textContent = area.getAttribute("data-copied-label") || label;
      window.setTimeout(function () { button.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(done, function () {
        area.select();
      });
      return;
    }
    area.select();
    try {
      if (document.execCommand("copy")) { done(); }
    } catch (error) {
      // The text stays selected: the reader copies it with the keyboard.
    }
  }

  function init() {
    var areas = document.querySelectorAll("textarea.copy-text");
    Array.prototype.forEach.call(areas, function (area) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary copy-button";
      button.textContent = area.getAttribute("data-copy-label") || "Copy";
      button.setAttribute("aria-controls", area.id);
      button.addEventListener("click", function () { copy(area, button); });
      area.insertAdjacentElement("afterend", button);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
