// The header's "approved only" switch flips ?approved=1 on the address the page has now: after htmx
// swapped in other filters (and pushed their URL) the link the server drew would bring back the old ones.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.approved-switch");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    var url = new URL(window.location.href);
    var on = url.searchParams.get("approved") === "1";
    var drop = ["approved", "page", "format"];
    url.searchParams.forEach(function (value, key) { if (/_page$/.test(key)) drop.push(key); });
    drop.forEach(function (key) { url.searchParams.delete(key); });
    if (!on) url.searchParams.set("approved", "1");
    url.hash = "";
    event.preventDefault();
    window.location.assign(url.toString());
  });
})();
