// Material's drawer, search and navigation sections open with hidden
// checkboxes and their labels: CSS only. This file does what Material's
// JavaScript bundle did for them, which the site does not load
// (handbook/performance.md):
//
// - A browser that restores form state on "back" (Firefox; Chromium from
//   its back/forward cache) would show the page with the drawer or the
//   search still open. Material prevents that with autocomplete="off",
//   which is not valid HTML on a checkbox, so hooks/valid_html.py removes it
//   and this closes both whenever a page is shown, and after a jump to a
//   heading on the same page (a link in the drawer).
// - A section label in the navigation (Nieuws > Archief) is reached with
//   Tab; Enter or Space opens it, as a click does, and its list says
//   whether it is open (aria-expanded).
// - On a phone the open drawer is the only thing Tab reaches: the page
//   behind its shade is inert, focus goes into the drawer and back to the
//   menu button when it closes (Escape closes it too), and each panel's
//   title (back to the level above) can be reached and used by keyboard.
(function () {
  var PHONE = window.matchMedia("(max-width: 76.234375em)");
  var BEHIND = ".md-skip, .md-banner, .md-header, .md-tabs, .md-content, .md-sidebar--secondary, .md-footer";
  function closeToggles() {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    });
  }
  window.addEventListener("pageshow", closeToggles);
  window.addEventListener("hashchange", closeToggles);

  var drawer = document.getElementById("__drawer");
  function shown(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility === "visible";
  }
  function drawerChanged() {
    var open = drawer.checked && PHONE.matches;
    var button = document.querySelector('.md-header label[for="__drawer"]');
    document.querySelectorAll(BEHIND).forEach(function (element) {
      element.inert = open;
    });
    if (open) {
      // After the slide: only then are the drawer's links visible.
      window.setTimeout(function () {
        var links = document.querySelectorAll(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
        var first = Array.prototype.find.call(links, shown);
        if (first) first.focus();
      }, 260);
    } else if (button && PHONE.matches && (document.activeElement === document.body || document.activeElement.closest(".md-sidebar--primary"))) {
      button.focus();
    }
  }
  if (drawer) {
    drawer.addEventListener("change", drawerChanged);
    document.querySelectorAll(".md-sidebar--primary label.md-nav__title[for]").forEach(function (title) {
      title.tabIndex = 0;
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer && drawer.checked) drawer.click();
  });

  document.addEventListener("keydown", function (event) {
    var label = event.target;
    if (!(label instanceof HTMLLabelElement) || !label.htmlFor || label.tabIndex < 0) return;
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    label.click();
  });

  document.addEventListener("change", function (event) {
    var toggle = event.target;
    if (!toggle.classList || !toggle.classList.contains("md-nav__toggle")) return;
    var list = document.querySelector('nav[aria-labelledby="' + toggle.id + '_label"]');
    if (list) list.setAttribute("aria-expanded", String(toggle.checked));
  });
})();
