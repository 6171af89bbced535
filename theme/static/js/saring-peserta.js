/* Serambi: the instant audience filter of a listing. Without this script the
   filter is a list of links to a page per audience (/acara/untuk/anak/), which
   works everywhere; with it, those links become toggle buttons (aria-pressed)
   that show only the cards for that audience on this page, and the status line
   (role="status") says how many are shown, so screen readers announce it.
   Each card's list item names its audiences in data-audiences="anak remaja". */
(function () {
  var nav = document.querySelector("[data-saring-peserta]");
  if (!nav) return;
  var status = nav.querySelector("[data-saring-status]");
  var noun = nav.getAttribute("data-noun") || "";
  var items = document.querySelectorAll("main [data-audiences]");
  var buttons = [];
  var chosen = "";
  var chosenLabel = "";

  nav.querySelectorAll("a[data-audience]").forEach(function (link) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = link.textContent;
    button.setAttribute("data-audience", link.getAttribute("data-audience"));
    button.setAttribute("aria-pressed", link.hasAttribute("aria-current") ? "true" : "false");
    button.addEventListener("click", function () {
      chosen = button.getAttribute("data-audience");
      chosenLabel = button.textContent;
      buttons.forEach(function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
      apply();
    });
    link.replaceWith(button);
    buttons.push(button);
  });

  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      var audiences = item.getAttribute("data-audiences").split(" ");
      var match = !chosen || audiences.indexOf(chosen) >= 0;
      if (match) item.removeAttribute("data-filtered-out");
      else item.setAttribute("data-filtered-out", "");
      if (match && !item.hidden) shown += 1;
    });
    status.textContent = chosen
      ? shown + " " + noun + " untuk " + chosenLabel.toLowerCase() + " ditampilkan."
      : "Semua " + shown + " " + noun + " ditampilkan.";
  }

  document.addEventListener("serambi:upcoming-changed", function () {
    if (chosen) apply();
  });
})();
