/* Small progressive enhancement: on narrow screens the main menu folds behind a button.
   The stylesheet folds it before this script runs (nothing jumps on load); without
   JavaScript nojs.css (in <noscript>) keeps the menu open and hides the button. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  function init() {
    if (window.matchMedia && window.matchMedia("(min-width: 48rem)").matches) {
      document.querySelectorAll("details[data-open-wide]").forEach(function (d) { d.open = true; });
    }
    var nav = document.querySelector(".main-nav");
    var button = nav && nav.querySelector(".menu-toggle");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && nav.classList.contains("open")) {
        button.setAttribute("aria-expanded", "false");
        nav.classList.remove("open");
        button.focus();
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
