// The site search: the box in overrides/partials/zoeken.html, driven by
// Pagefind's engine (pagefind/pagefind.js, written by hooks/search.py).
// The engine and its index are fetched only when someone opens the search;
// a page view without searching costs this file only.
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 150;
  var dialog = document.querySelector("[data-wp-zoek-dialoog]");
  var engine = null;

  // Pagefind, loaded once; its own files live next to pagefind.js, and the
  // site's root is where that folder sits (works under /site/ too).
  function load(box) {
    if (!engine) {
      var bundle = new URL(box.getAttribute("data-bundle"), location.href).href;
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ excerptLength: 24 }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // Today in Amsterdam as YYYY-MM-DD: an event is "komt nog" until its last day has passed.
  function today() {
    return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());
  }

  // Pagefind's excerpt is escaped text with <mark> around the words found.
  // Parsed inertly and rebuilt from text and <mark> only: no markup from
  // the index reaches the page.
  function fillExcerpt(target, excerpt) {
    var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html").body.firstChild;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function setup(box) {
    var form = box.querySelector("form");
    var input = box.querySelector("input[type=search]");
    var selects = box.querySelectorAll("[data-wp-zoek-filter]");
    var status = box.querySelector("[data-wp-zoek-status]");
    var list = box.querySelector("[data-wp-zoek-resultaten]");
    var more = box.querySelector("[data-wp-zoek-meer]");
    var template = box.querySelector("template[data-wp-zoek-resultaat]");
    var found = [];
    var shown = 0;
    var asked = 0;
    var timer = null;

    function filters() {
      var chosen = {};
      selects.forEach(function (select) {
        if (select.value) chosen[select.getAttribute("data-wp-zoek-filter")] = select.value;
      });
      return chosen;
    }

    function describe(count, query) {
      var words = count === 0 ? "Geen resultaten" : count === 1 ? "1 resultaat" : count + " resultaten";
      if (query) words += " voor \u2018" + query + "\u2019";
      var parts = [];
      selects.forEach(function (select) {
        if (select.value) parts.push(select.options[select.selectedIndex].text);
      });
      if (parts.length) words += " (" + parts.join(", ") + ")";
      return words + ".";
    }

    function render(data, day) {
      var item = template.content.firstElementChild.cloneNode(true);
      var field = function (name) { return item.querySelector("[data-veld=" + name + "]"); };
      item.querySelector("a").href = data.url;
      field("titel").textContent = data.meta.title || data.url;
      field("soort").textContent = data.meta.soort || "";
      field("datum").textContent = data.meta.datum || "";
      var when = field("wanneer");
      if (data.meta.laatste_dag) {
        var coming = data.meta.laatste_dag >= day;
        when.textContent = coming ? "komt nog" : "geweest";
        when.classList.add(coming ? "wp-zoek__wanneer--komend" : "wp-zoek__wanneer--geweest");
      } else {
        when.remove();
      }
      if (!data.meta.datum) field("datum").remove();
      fillExcerpt(field("fragment"), data.excerpt || "");
      return item;
    }

    // The next page of results; `fresh` replaces the list, so the old
    // results stay until the new ones are there.
    function showMore(ticket, fresh) {
      var batch = found.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        if (ticket !== asked) return;
        var day = today();
        if (fresh) list.replaceChildren();
        pages.forEach(function (data) { list.appendChild(render(data, day)); });
        more.hidden = shown >= found.length;
      });
    }

    function search() {
      clearTimeout(timer);
      var ticket = ++asked;
      var query = input.value.trim();
      var chosen = filters();
      if (!query && !Object.keys(chosen).length) {
        list.replaceChildren();
        status.textContent = "";
        more.hidden = true;
        found = [];
        return Promise.resolve();
      }
      // Only filters chosen: everything that matches them, newest first.
      var options = { filters: chosen };
      if (!query) options.sort = { datum: "desc" };
      return load(box).then(function (pagefind) {
        return pagefind.search(query || null, options);
      }).then(function (answer) {
        if (ticket !== asked || !answer) return;
        found = answer.results;
        shown = 0;
        // The count is announced (role=status) once the results it counts are shown.
        return showMore(ticket, true).then(function () {
          if (ticket === asked) status.textContent = describe(found.length, query);
        });
      }).catch(function () {
        if (ticket === asked) status.textContent = "Zoeken lukt nu niet. Probeer het later opnieuw.";
      });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(search, DEBOUNCE_MS);
    }

    input.addEventListener("input", later);
    input.addEventListener("focus", function () { load(box); }, { once: true });
    selects.forEach(function (select) { select.addEventListener("change", search); });
    // Keyboard users land on the first of the added results.
    more.addEventListener("click", function () {
      var before = list.children.length;
      showMore(asked, false).then(function () {
        var first = list.children[before];
        if (first) first.querySelector("a").focus();
      });
    });

    // Enter: the first result, once the results are there.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!dialog || !dialog.contains(box)) {
        var address = new URL(location.href);
        address.searchParams.set("q", input.value.trim());
        history.replaceState(null, "", address);
      }
      search().then(function () {
        var first = list.querySelector("a");
        if (first) location.href = first.href;
      });
    });

    // Arrow keys move between the box and the results (Material's search did the same).
    box.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      if (event.target.tagName === "SELECT") return;
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(event.target);
      var target = null;
      if (event.target === input) target = event.key === "ArrowDown" ? links[0] : null;
      else if (at >= 0) target = event.key === "ArrowDown" ? links[at + 1] : at === 0 ? input : links[at - 1];
      if (target) {
        event.preventDefault();
        target.focus();
      }
    });

    return { box: box, input: input, search: search, selects: selects };
  }

  var boxes = Array.prototype.map.call(document.querySelectorAll("[data-wp-zoek]"), setup);
  var inDialog = boxes.filter(function (b) { return dialog && dialog.contains(b.box); })[0];
  var onPage = boxes.filter(function (b) { return !dialog || !dialog.contains(b.box); })[0];

  function open() {
    if (onPage) {
      onPage.input.focus();
      return;
    }
    if (!dialog || dialog.open) return;
    dialog.showModal();
    inDialog.input.focus();
    inDialog.input.select();
    load(inDialog.box);
  }

  document.querySelectorAll("[data-wp-zoek-open]").forEach(function (button) {
    button.setAttribute("role", "button");
    button.setAttribute("aria-haspopup", "dialog");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      open();
    });
  });

  if (dialog) {
    dialog.querySelector("[data-wp-zoek-sluit]").addEventListener("click", function () { dialog.close(); });
    // A click on the backdrop (the dialog itself, outside its content) closes it.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });
  }

  // "/" opens the search from anywhere but a text field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    open();
  });

  // zoeken/?q=...&soort=...&jaar=...: search at once.
  if (onPage) {
    var params = new URL(location.href).searchParams;
    onPage.input.value = params.get("q") || "";
    onPage.selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && select.querySelector("option[value='" + CSS.escape(value) + "']")) select.value = value;
    });
    if (params.toString()) onPage.search();
  }
})();
