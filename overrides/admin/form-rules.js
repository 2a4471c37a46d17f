// The model's rules across keys, before Decap saves: a place for an event
// still to come, an end not before the start, an image with its
// description, a text; and its rules on each line of the text (no script,
// iframe, on...-attribute or javascript: link). The rules are data (form-rules.json, generated from
// werkplaats/content/form_rules.py with every build); this script only knows the
// few conditions they are made of, on the values the form's widgets write.
// A rule it cannot decide here (a date written by hand in another form) is
// left to make check. Refused: nothing is written, Decap's notification
// ("Kan item niet opslaan: ...") and the box (refusal-box.js) show the
// model's messages after the field's label.
(function () {
  "use strict";
  var INTRO = "Het formulier weigert dit, zoals de controle van de site het zou weigeren. Er is niets opgeslagen. Pas het formulier aan en sla opnieuw op:";
  // What the datetime widget writes (werkplaats/editing/cms.py: YYYY-MM-DD HH:mm),
  // or a date alone, as a file may hold it.
  var MOMENT = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/;

  function blank(value) {
    if (value === undefined || value === null) return true;
    if (typeof value === "string") return value.trim() === "";
    if (value instanceof Date) return false;
    if (Array.isArray(value)) return value.every(blank);
    if (typeof value === "object") return Object.keys(value).every(function (key) { return blank(value[key]); });
    return false;
  }

  // The value of a key or of a part ("location.name"); null when not filled.
  function read(rules, data, key) {
    var parts = key.split(".");
    var value = data[parts[0]];
    if (parts.length > 1) {
      if (typeof value === "string") value = rules.text_parts[parts[0]] === parts[1] ? value : undefined;
      else value = value && typeof value === "object" ? value[parts[1]] : undefined;
    }
    return blank(value) ? null : value;
  }

  function moment(value) {
    var match = typeof value === "string" ? MOMENT.exec(value.trim()) : null;
    return match ? { day: match[1], timed: Boolean(match[2]), text: match[1] + (match[2] ? " " + match[2] : "") } : null;
  }

  // The days a value gives: a moment, each of a list (dates), the new date
  // of each move (moved: {from, to}); none for what is not a moment here.
  function days(value) {
    var items = Array.isArray(value) ? value : [value];
    return items
      .map(function (item) { return moment(item && typeof item === "object" ? item.to : item); })
      .filter(Boolean)
      .map(function (found) { return found.day; });
  }

  // Whether a condition holds; false when it cannot be decided here.
  function holds(rules, data, condition, today) {
    var name = condition[0];
    if (name === "not_past") {
      return condition[1].some(function (key) {
        return days(read(rules, data, key)).some(function (day) { return day >= today; });
      });
    }
    if (name === "filled") return read(rules, data, condition[1]) !== null;
    if (name === "missing") return read(rules, data, condition[1]) === null;
    var a = moment(read(rules, data, condition[1]));
    var b = moment(read(rules, data, condition[2]));
    if (!a || !b) return false;
    if (name === "differ_in_form") return a.timed !== b.timed;
    if (name === "before") return a.timed === b.timed && a.text < b.text;
    throw new Error("unknown condition " + name);
  }

  function written(rules, data, key) {
    var value = key.indexOf(".") === -1 ? data[key] : read(rules, data, key);
    return value === undefined || value === null ? "" : String(value);
  }

  // The rules of `collection` that refuse `data`, each with its message
  // filled in; then each line of the text that breaks a line rule (the
  // first it breaks), as the model reports them line by line.
  function problems(rules, collection, data, today) {
    var found = (rules.collections[collection] || []).filter(function (rule) {
      return rule.when.every(function (condition) { return holds(rules, data, condition, today); });
    }).map(function (rule) {
      var message = rule.message.replace(/\{([\w.]+)\}/g, function (_, key) { return written(rules, data, key); });
      return { id: rule.id, label: rule.label, message: message.replace(/ {2,}/g, " ") };
    });
    var lines = rules.lines;
    var text = lines ? data[lines.field] : null;
    if (typeof text === "string") {
      var patterns = lines.rules.map(function (rule) { return new RegExp(rule.pattern, lines.flags); });
      text.split("\n").forEach(function (line) {
        for (var i = 0; i < patterns.length; i++) {
          if (patterns[i].test(line)) {
            found.push({ id: lines.rules[i].id, label: lines.labels[collection], message: lines.rules[i].message });
            break;
          }
        }
      });
    }
    return found;
  }

  // Today's date in the time zone of the rules (Europe/Amsterdam), YYYY-MM-DD.
  function today(timeZone, now) {
    var parts = {};
    new Intl.DateTimeFormat("en", { timeZone: timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(now || new Date())
      .forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function refuse(text) {
    var error = new Error(text);
    error.name = ""; // Decap's notification shows the error as text: no "Error: " before it
    throw error;
  }

  var loaded = window.fetch("form-rules.json").then(function (response) {
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  });

  function beforeSave(event) {
    var box = window.werkplaatsRefusalBox;
    return loaded.then(function (rules) {
      var data = event.entry.get("data");
      data = data && data.toJS ? data.toJS() : data || {};
      var found = problems(rules, event.entry.get("collection"), data, today(rules.time_zone));
      if (!found.length) {
        if (box) box.close();
        return undefined; // Decap keeps the entry as it is
      }
      if (box) box.show(INTRO, found.map(function (p) { return { label: p.label, message: p.message, own: true }; }));
      refuse(found.map(function (p) { return p.label + ": " + p.message; }).join(" · "));
    }, function () {
      refuse("de regels van het formulier zijn niet geladen: laad de pagina opnieuw en sla dan opnieuw op");
    });
  }

  window.werkplaatsFormRules = { problems: problems, today: today, beforeSave: beforeSave };
  window.CMS.registerEventListener({ name: "preSave", handler: beforeSave });
})();
