/* Serambi: "Buka hari ini" for the reader's own day. The page, built on some
   day, already says which day it means; this only brings it up to date.
   data-jam-sepekan holds [headline, detail] for Monday..Sunday (from the build). */
(function () {
  var box = document.querySelector("[data-jam-sepekan]");
  if (!box) return;
  var week;
  try { week = JSON.parse(box.getAttribute("data-jam-sepekan")); } catch (e) { return; }
  // WITA is UTC+8 all year (no daylight saving); getUTCDay() counts from Sunday.
  var today = week && week[(new Date(Date.now() + 8 * 36e5).getUTCDay() + 6) % 7];
  var head = box.querySelector(".jam-judul");
  var rest = box.querySelector(".jam-rinci");
  if (!today || !head || !rest) return;
  head.textContent = today[0];
  rest.textContent = today[1];
})();
