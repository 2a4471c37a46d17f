// The agenda's filter (overrides/agenda.html), quicker with JavaScript:
// a filter link shows the matching upcoming events on this page instead of
// opening the static page it links to. Without this script the links work
// as plain links. Nothing is stored: a reload shows the whole agenda again.
(function () {
  var nav = document.querySelector("[data-wp-filter]");
  var lists = document.querySelectorAll("ul[data-wp-filtered]");
  if (!nav || !lists.length) return;
  var status = nav.querySelector(".wp-filter__status");
  var chosen = null;

  function show(link) {
    chosen = link;
    var match = link ? link.getAttribute("data-wp-match") : "";
    var shown = 0;
    var items = document.querySelectorAll("ul[data-wp-filtered] > li.wp-event");
    items.forEach(function (item) {
      var hit = !match || (" " + item.getAttribute("data-wp-match") + " ").indexOf(" " + match + " ") !== -1;
      item.hidden = !hit;
      if (hit) shown += 1;
    });
    // A month heading goes with its list when nothing in it is left.
    lists.forEach(function (ul) {
      var empty = !ul.querySelector("li.wp-event:not([hidden])");
      ul.hidden = empty;
      var heading = ul.previousElementSibling;
      if (heading && heading.tagName === "H3") heading.hidden = empty;
    });
    nav.querySelectorAll("a[data-wp-match]").forEach(function (other) {
      if (other === link) other.setAttribute("aria-current", "true");
      else other.removeAttribute("aria-current");
    });
    status.textContent = "";
    if (!link) return;
    var count = shown === 1 ? "1 activiteit" : shown + " activiteiten";
    status.append(count + " binnenkort: " + link.textContent + ". ");
    var all = document.createElement("a");
    all.href = link.href;
    all.textContent = "Ook eerdere activiteiten";
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "wp-filter__reset";
    reset.textContent = "Toon alles";
    reset.addEventListener("click", function () {
      var back = chosen;
      show(null);
      if (back) back.focus();
    });
    status.append(all, " · ", reset);
  }

  nav.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-wp-match]");
    // A new tab, a download or a middle click: the static page, as asked.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    show(link === chosen ? null : link);
  });
})();
