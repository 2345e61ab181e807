// The header search box as an ARIA combobox: the suggestions htmx puts under it are a listbox
// whose links are options; ArrowDown/ArrowUp move through them, Enter follows the one chosen,
// Escape closes the list. Without this script the box is a plain search form.
(function () {
  "use strict";

  function parts() {
    var input = document.getElementById("site-search");
    var box = document.getElementById("search-suggest");
    return input && box ? { input: input, box: box } : null;
  }

  function options(box) {
    return Array.prototype.slice.call(box.querySelectorAll("ul a[href]"));
  }

  function mark(p) {
    var links = options(p.box);
    var open = links.length > 0;
    p.input.setAttribute("aria-expanded", open ? "true" : "false");
    // A listbox holds options only: the headings and lists around them become plain containers.
    if (open) p.box.setAttribute("role", "listbox"); else p.box.removeAttribute("role");
    p.box.setAttribute("aria-label", "搜索建议 Suggestions");
    Array.prototype.forEach.call(p.box.querySelectorAll("ul, li, h2, div, p"), function (el) {
      el.setAttribute("role", "none");
    });
    links.forEach(function (link, index) {
      link.setAttribute("role", "option");
      link.id = link.id || "search-option-" + index;
      link.setAttribute("aria-selected", "false");
      link.tabIndex = -1;
    });
    p.input.removeAttribute("aria-activedescendant");
  }

  function choose(p, index) {
    var links = options(p.box);
    if (!links.length) return;
    index = (index + links.length) % links.length;
    links.forEach(function (link, i) { link.setAttribute("aria-selected", i === index ? "true" : "false"); });
    p.input.setAttribute("aria-activedescendant", links[index].id);
    links[index].scrollIntoView({ block: "nearest" });
  }

  function current(p) {
    var links = options(p.box);
    for (var i = 0; i < links.length; i++) if (links[i].getAttribute("aria-selected") === "true") return i;
    return -1;
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var p = parts();
    if (p && event.detail.target === p.box) mark(p);
  });

  document.addEventListener("keydown", function (event) {
    var p = parts();
    if (!p || event.target !== p.input) return;
    var at = current(p);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!options(p.box).length) return;
      event.preventDefault();
      choose(p, event.key === "ArrowDown" ? at + 1 : (at < 0 ? -1 : at - 1));
    } else if (event.key === "Enter" && at >= 0) {
      event.preventDefault();
      window.location.assign(options(p.box)[at].href);
    } else if (event.key === "Escape") {
      p.box.replaceChildren();
      mark(p);
    }
  });
})();
