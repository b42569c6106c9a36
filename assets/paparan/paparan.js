/* Lokus: the presentation (/paparan) as slides. Without this script, or on a narrow screen, the slides stand
   one under another; with it, on a screen at least 900x500 px, one slide fills the screen. Next: arrow right or
   down, Page Down (presentation clickers), space; previous: arrow left or up, Page Up; Home and End. The slide
   shown is in the address (#s3), so a reload or a shared link opens it. */
(function () {
  "use strict";
  var deck = document.getElementById("deck");
  if (!deck) { return; }
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".slide"));
  var prev = document.querySelector(".deck-prev");
  var next = document.querySelector(".deck-next");
  var index = 0;

  function fromHash() {
    var found = /^#s(\d+)$/.exec(window.location.hash);
    return found ? Math.min(Math.max(parseInt(found[1], 10) - 1, 0), slides.length - 1) : 0;
  }

  function show(i) {
    index = Math.min(Math.max(i, 0), slides.length - 1);
    slides.forEach(function (slide, k) {
      slide.classList.toggle("current", k === index);
      slide.setAttribute("aria-hidden", k === index ? "false" : "true");
    });
    if (prev) { prev.href = "#s" + Math.max(index, 1); prev.classList.toggle("disabled", index === 0); }
    if (next) { next.href = "#s" + Math.min(index + 2, slides.length); next.classList.toggle("disabled", index === slides.length - 1); }
  }

  function go(i) {
    var target = Math.min(Math.max(i, 0), slides.length - 1);
    if (target !== index || window.location.hash !== "#s" + (target + 1)) {
      window.history.replaceState(null, "", "#s" + (target + 1));
    }
    show(target);
  }

  document.documentElement.classList.add("deck-mode");
  show(fromHash());
  window.addEventListener("hashchange", function () { show(fromHash()); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key;
    if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown" || key === " ") {
      go(index + 1);
    } else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp") {
      go(index - 1);
    } else if (key === "Home") {
      go(0);
    } else if (key === "End") {
      go(slides.length - 1);
    } else {
      return;
    }
    event.preventDefault();
  });
  [prev, next].forEach(function (link, k) {
    if (!link) { return; }
    link.addEventListener("click", function (event) { event.preventDefault(); go(index + (k === 0 ? -1 : 1)); });
  });
}());
