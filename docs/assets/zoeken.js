// The site search: the box in overrides/partials/zoeken.html, driven by
// Pagefind's engine (pagefind/pagefind.js, written by hooks/search.py).
// The engine and its index are fetched only when someone opens the search;
// a page view without searching costs this file only.
//
// Dutch on top of Pagefind (handbook/search.md). The index has Pagefind's
// stemmer off and, per page, hidden `termen`: the lemmas and compound parts
// of its words (werkplaats/site/lexicon.py). Per query word this file asks for
// - the word as typed (a prefix search), unless Pagefind fell back to a
//   shorter indexed word: it does so silently when no indexed word starts
//   with the typed one (`jeugd` would find "je"); such an answer is dropped;
// - exact ("quoted") searches for the word with a Dutch ending taken off
//   (verslagen -> verslag, huizen -> huis); an exact search never falls back.
// A page must match every word. Nothing found: "Niets gevonden voor ...",
// with the closest word the site has (zoeken/woorden.json) as a suggestion.
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var DEBOUNCE_MS = 150;
  // A title outweighs the text (Pagefind's default is 5); the hidden terms
  // count less than words a visitor can read on the page.
  var RANKING = { metaWeights: { title: 8, termen: 0.5 } };
  // A query word naming a kind of page (verslag, activiteiten) puts pages of
  // that kind first: `verslag` lists the reports before the events that link to one.
  var KIND_BOOST = 4;
  var dialog = document.querySelector("[data-wp-zoek-dialoog]");
  var engine = null;
  var vocabulary = null;

  // Pagefind, loaded once; its own files live next to pagefind.js, and the
  // site's root is where that folder sits (works under /site/ too).
  function load(box) {
    if (!engine) {
      var bundle = new URL(box.getAttribute("data-bundle"), location.href).href;
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ excerptLength: 24, ranking: RANKING }).then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // The site's own words (zoeken/woorden.json), fetched once and only after
  // a search found nothing.
  function loadWords(box) {
    if (!vocabulary) {
      vocabulary = fetch(new URL(box.getAttribute("data-woorden"), location.href).href).then(function (response) {
        if (!response.ok) throw new Error("woorden.json: " + response.status);
        return response.json();
      }).then(function (data) { return (data.woorden || []).map(norm); });
      vocabulary.catch(function () { vocabulary = null; });
    }
    return vocabulary;
  }

  // Today in Amsterdam as YYYY-MM-DD: an event is "komt nog" until its last day has passed.
  function today() {
    return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());
  }

  // --- Words -------------------------------------------------------------

  // Words as Pagefind compares them: lower case, no diacritics.
  function norm(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  }

  // The words of a query, without punctuation (foto's -> fotos), as Pagefind reads them.
  function queryWords(query) {
    return norm(query).split(/\s+/).map(function (w) { return w.replace(/[\p{P}\p{S}]/gu, ""); }).filter(Boolean);
  }

  // Every word a loaded result was indexed with: its text, title and all its
  // meta (the hidden terms too); hyphenated and apostrophe words joined and
  // in parts, as Pagefind indexes them.
  function wordsOf(data) {
    var meta = data.meta || {};
    var text = norm([data.content || ""].concat(Object.keys(meta).map(function (k) { return meta[k]; })).join(" "));
    var words = [];
    text.split(/[^\p{L}\p{N}'\u2019-]+/u).forEach(function (w) {
      if (!w) return;
      words.push(w.replace(/[\p{P}]/gu, ""));
      w.split(/['\u2019-]+/).forEach(function (part) { if (part) words.push(part); });
    });
    return words;
  }

  // Pagefind found the word itself (an indexed word starts with it), not a shorter fallback.
  function really(data, word) {
    return wordsOf(data).some(function (w) { return w.lastIndexOf(word, 0) === 0; });
  }

  // Simple Dutch forms a word may come from: plural, diminutive and -'s
  // endings, with undoubling (bussen -> bus), an open syllable
  // (straten -> straat) and z/v (huizen -> huis, brieven -> brief).
  // Searched exactly, so a wrong guess finds nothing rather than something wrong.
  // (No -eren: it would take parkeren to "park". The few -eren plurals,
  // kinderen -> kind, are the lexicon's: werkplaats/site/lexicon.py EREN_PLURALS.)
  // -er(s) makes a person of a word (mantelzorgers -> mantelzorg); only
  // from 5 letters left, so ouders and werkers stay themselves.
  var ENDINGS = ["etjes", "tjes", "pjes", "jes", "etje", "tje", "pje", "je", "ers", "er", "en", "s", "n", "e"];
  var SHORTEST = { ers: 5, er: 5 };
  function variants(word) {
    var out = [];
    ENDINGS.forEach(function (end) {
      if (word.length - end.length < (SHORTEST[end] || 3) || word.slice(-end.length) !== end) return;
      var base = word.slice(0, -end.length);
      out.push(base);
      if (end === "en" || end === "e") {
        if (/([^aeiou])\1$/.test(base)) out.push(base.slice(0, -1));
        var open = /([^aeiou])([aeiou])([^aeiouj])$/.exec(base);
        if (open) out.push(base.slice(0, open.index + 1) + open[2] + open[2] + open[3]);
        if (/z$/.test(base)) out.push(base.slice(0, -1) + "s");
        if (/v$/.test(base)) out.push(base.slice(0, -1) + "f");
      }
    });
    return out.filter(function (v, i) { return v !== word && out.indexOf(v) === i; });
  }

  // Optimal string alignment distance (two letters swapped is one edit).
  function distance(a, b) {
    var d = [];
    for (var i = 0; i <= a.length; i++) {
      d.push([i]);
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { d[i].push(j); continue; }
        var v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i].push(v);
      }
    }
    return d[a.length][b.length];
  }

  // The site's closest word: one edit for words of up to 5 letters, two for
  // longer ones; from 5 letters the start of a longer word counts too, at
  // one edit (jeugt -> jeugdhulp). Closest first, then the shortest.
  function closest(word, words) {
    var limit = word.length <= 5 ? 1 : 2;
    var best = null;
    words.forEach(function (w) {
      if (w === word || w.length < word.length - limit) return;
      var cost = w.length <= word.length + limit ? distance(word, w) : Infinity;
      if (word.length >= 5 && w.length > word.length) {
        var start = distance(word, w.slice(0, word.length));
        if (start <= 1) cost = Math.min(cost, start + 0.5);
      }
      // A longer word's start at one edit costs 1.5: still within a limit of 1.
      if (cost > limit + 0.5) return;
      if (!best || cost < best.cost || (cost === best.cost && w.length < best.word.length)) best = { cost: cost, word: w };
    });
    return best && best.word;
  }

  // The query with each word the site does not have replaced by its closest
  // site word; null when there is nothing to suggest.
  function suggestion(words, known) {
    var changed = false;
    var out = words.map(function (word) {
      if (known.some(function (w) { return w.lastIndexOf(word, 0) === 0; })) return word;
      var other = closest(word, known);
      if (other) changed = true;
      return other || word;
    });
    return changed ? out.join(" ") : null;
  }

  // --- Searching ---------------------------------------------------------

  // The pages one query word finds: id -> best-scoring Pagefind result.
  function findWord(pagefind, word, options) {
    var typed = pagefind.search(word, options).then(function (answer) {
      var results = (answer && answer.results) || [];
      if (!results.length) return [];
      // A fallback answers for every result alike, so the first one tells.
      return results[0].data().then(function (data) { return really(data, word) ? results : []; });
    });
    var exact = variants(word).map(function (v) {
      return pagefind.search("\"" + v + "\"", options).then(function (answer) { return (answer && answer.results) || []; });
    });
    return Promise.all([typed].concat(exact)).then(function (answers) {
      var found = new Map();
      answers.forEach(function (results) {
        results.forEach(function (result) {
          var had = found.get(result.id);
          if (!had || result.score > had.score) found.set(result.id, result);
        });
      });
      return found;
    });
  }

  // Pages that match every query word, best first. Scores of the words add
  // up; pages of a kind the query names go first.
  function findAll(pagefind, words, options, kindOf) {
    var kinds = [];
    words.forEach(function (word) {
      [word].concat(variants(word)).forEach(function (v) {
        if (kindOf[v] && kinds.indexOf(kindOf[v]) < 0) kinds.push(kindOf[v]);
      });
    });
    var ofKind = kinds.map(function (kind) {
      var filters = Object.assign({}, options.filters, { soort: kind });
      return pagefind.search(null, { filters: filters }).then(function (answer) {
        return answer.results.map(function (r) { return r.id; });
      });
    });
    var perWord = Promise.all(words.map(function (w) { return findWord(pagefind, w, options); }));
    return Promise.all([perWord, Promise.all(ofKind)]).then(function (got) {
      var found = got[0];
      var boosted = new Set([].concat.apply([], got[1]));
      var merged = [];
      found[0].forEach(function (result, id) {
        var score = 0;
        var best = result;
        for (var i = 0; i < found.length; i++) {
          var other = found[i].get(id);
          if (!other) return;
          score += other.score;
          if (other.score > best.score) best = other;
        }
        merged.push({ result: best, score: boosted.has(id) ? score * KIND_BOOST : score });
      });
      merged.sort(function (a, b) { return b.score - a.score; });
      return merged.map(function (m) { return m.result; });
    });
  }

  // --- The box -----------------------------------------------------------

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
    var offer = box.querySelector("template[data-wp-zoek-suggestie]");
    var onPage = !dialog || !dialog.contains(box);
    var found = [];
    var shown = 0;
    var asked = 0;
    var timer = null;

    // Query words that name a kind, from the kind filter's own options
    // (value "verslag", text "verslagen"): word -> filter value.
    var kindOf = {};
    box.querySelectorAll("[data-wp-zoek-filter=soort] option").forEach(function (option) {
      if (!option.value) return;
      kindOf[norm(option.value)] = option.value;
      queryWords(option.textContent).forEach(function (w) { kindOf[w] = option.value; });
    });

    function filters() {
      var chosen = {};
      selects.forEach(function (select) {
        if (select.value) chosen[select.getAttribute("data-wp-zoek-filter")] = select.value;
      });
      return chosen;
    }

    function describe(count, query) {
      var words = count === 0 ? (query ? "Niets gevonden" : "Geen resultaten") : count === 1 ? "1 resultaat" : count + " resultaten";
      if (query) words += " voor \u2018" + query + "\u2019";
      var parts = [];
      selects.forEach(function (select) {
        if (select.value) parts.push(select.options[select.selectedIndex].text);
      });
      if (parts.length) words += " (" + parts.join(", ") + ")";
      return words + ".";
    }

    // This box's address: the search page with the query and the filters.
    function address(query) {
      var target = new URL(form.getAttribute("action"), location.href);
      if (query) target.searchParams.set("q", query);
      selects.forEach(function (select) { if (select.value) target.searchParams.set(select.name, select.value); });
      return target;
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

    // "Niets gevonden voor ...", and the site's closest words as a search of their own.
    function nothingFound(ticket, query, words) {
      status.textContent = describe(0, query);
      return loadWords(box).then(function (known) {
        var other = suggestion(words, known);
        if (ticket !== asked || !other) return;
        var line = offer.content.firstElementChild.cloneNode(true);
        var link = line.querySelector("a");
        link.textContent = other;
        link.href = address(other).href;
        link.addEventListener("click", function (event) {
          event.preventDefault();
          input.value = other;
          search();
          input.focus();
        });
        status.appendChild(document.createTextNode(" "));
        status.appendChild(line);
      }).catch(function () { /* no suggestion: the status already says enough */ });
    }

    function search() {
      clearTimeout(timer);
      var ticket = ++asked;
      var query = input.value.trim();
      var words = queryWords(query);
      var chosen = filters();
      if (onPage) history.replaceState(null, "", address(query));
      if (!words.length && !Object.keys(chosen).length) {
        list.replaceChildren();
        status.textContent = "";
        more.hidden = true;
        found = [];
        return Promise.resolve();
      }
      return load(box).then(function (pagefind) {
        // Only filters chosen: everything that matches them, newest first.
        if (!words.length) {
          return pagefind.search(null, { filters: chosen, sort: { datum: "desc" } }).then(function (answer) { return answer.results; });
        }
        return findAll(pagefind, words, { filters: chosen }, kindOf);
      }).then(function (results) {
        if (ticket !== asked) return;
        found = results;
        shown = 0;
        if (!found.length) {
          list.replaceChildren();
          more.hidden = true;
          return words.length ? nothingFound(ticket, query, words) : (status.textContent = describe(0, query));
        }
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

    // Enter or "Zoeken": the list of results on the search page, an address
    // to share. In the dialog that is a visit to the search page.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!onPage) {
        location.href = address(input.value.trim()).href;
        return;
      }
      search();
    });

    // Arrow keys move between the box and the results; Enter on a result opens it.
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

    return { box: box, input: input, search: search, selects: selects, onPage: onPage };
  }

  // The boxes are set up when first needed: on the search page (zoeken/) in a
  // task of its own after this file has run, elsewhere when the visitor opens
  // the search (the button, "/"). A page view that never searches runs no
  // setup at all: nothing that could block the main thread while the page
  // loads (Lighthouse's Total Blocking Time, handbook/performance.md).
  var openSearch = null;
  function start() {
    if (openSearch) return;
    var boxes = Array.prototype.map.call(document.querySelectorAll("[data-wp-zoek]"), setup);
    var inDialog = boxes.filter(function (b) { return !b.onPage; })[0];
    var onPage = boxes.filter(function (b) { return b.onPage; })[0];

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

    if (dialog) {
      dialog.querySelector("[data-wp-zoek-sluit]").addEventListener("click", function () { dialog.close(); });
      // A click on the backdrop (the dialog itself, outside its content) closes it.
      dialog.addEventListener("click", function (event) {
        if (event.target === dialog) dialog.close();
      });
    }

    openSearch = open;

    // zoeken/?q=...&soort=...&jaar=...: search at once.
    if (onPage) {
      var params = new URL(location.href).searchParams;
      onPage.input.value = params.get("q") || "";
      onPage.selects.forEach(function (select) {
        var value = params.get(select.name);
        if (value && select.querySelector("option[value='" + CSS.escape(value) + "']")) select.value = value;
      });
      if (params.toString()) {
        // Arrived by Enter or a shared address: the arrows work from the box at once.
        onPage.input.focus();
        onPage.search();
      }
    }
  }
  var pageBox = Array.prototype.some.call(document.querySelectorAll("[data-wp-zoek]"), function (box) {
    return !dialog || !dialog.contains(box);
  });
  if (pageBox) window.setTimeout(start, 0);

  function openNow() {
    start();
    openSearch();
  }

  document.querySelectorAll("[data-wp-zoek-open]").forEach(function (button) {
    button.setAttribute("role", "button");
    button.setAttribute("aria-haspopup", "dialog");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      openNow();
    });
  });

  // "/" opens the search from anywhere but a text field.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    event.preventDefault();
    openNow();
  });
})();
