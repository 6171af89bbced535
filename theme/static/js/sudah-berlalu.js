/* Serambi: what has ended leaves the upcoming lists by itself. The build already
   left out what had ended by its time; between builds (a page kept open, or read
   from a cache) this hides each item once its data-ends moment (ISO 8601 with an
   offset) has passed, on load and while the page stays open. Without this
   script the page still lists what was upcoming at the time of the build. */
(function () {
  var lists = document.querySelectorAll("[data-upcoming]");
  if (!lists.length) return;
  var timer;

  function refresh() {
    var now = Date.now();
    var soonest = Infinity;
    lists.forEach(function (list) {
      var shown = 0;
      Array.prototype.forEach.call(list.children, function (item) {
        var ends = Date.parse(item.getAttribute("data-ends"));
        if (isNaN(ends)) return;
        var over = ends < now;
        if (!over) soonest = Math.min(soonest, ends);
        item.hidden = over;
        if (!over) shown += 1;
      });
      var empty = list.parentElement.querySelector("[data-upcoming-empty]");
      if (empty) empty.hidden = shown > 0;
    });
    // The audience filter counts what is shown again (saring-peserta.js).
    document.dispatchEvent(new CustomEvent("serambi:upcoming-changed"));
    clearTimeout(timer);
    // Look again just after the next end; at least hourly, since a timer cannot wait
    // longer than about 24 days and a computer that slept misses its moment.
    if (soonest < Infinity) timer = setTimeout(refresh, Math.min(soonest - now + 1000, 36e5));
  }

  refresh();
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) refresh();
  });
})();
