// The box in the form that says why a save was refused, with each of the
// model's Dutch messages after the label of its field, until the next save
// or until closed. One box for both refusals: the form's own rules before
// saving (form-rules.js) and make cms's gate after (save-check.js).
// window.werkplaatsRefusalBox.show(intro, problems): problems are
// {label, message, own, file}; a problem of another file shows its file.
(function () {
  "use strict";
  var panel = null;

  function close() {
    if (panel) panel.remove();
    panel = null;
  }

  function show(intro, problems) {
    close();
    panel = document.createElement("section");
    panel.id = "wp-save-refused";
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", "wp-save-refused-title");
    var style = panel.style;
    style.position = "fixed";
    style.left = "1rem";
    style.bottom = "1rem";
    style.zIndex = "10000";
    style.maxWidth = "42rem";
    style.maxHeight = "50vh";
    style.overflow = "auto";
    style.padding = "1rem 1.25rem";
    style.background = "#fff";
    style.color = "#1b1b1b";
    style.border = "3px solid #b00020";
    style.borderRadius = "6px";
    style.boxShadow = "0 4px 16px rgba(0, 0, 0, 0.25)";
    style.font = "16px/1.5 system-ui, sans-serif";
    var title = document.createElement("h2");
    title.id = "wp-save-refused-title";
    title.textContent = "Niet opgeslagen";
    title.style.margin = "0 0 0.5rem";
    title.style.fontSize = "1.125rem";
    var text = document.createElement("p");
    text.textContent = intro;
    text.style.margin = "0 0 0.5rem";
    var list = document.createElement("ul");
    list.style.margin = "0 0 0.75rem";
    list.style.paddingLeft = "1.25rem";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      var where = problem.own ? problem.label : problem.file;
      if (where) {
        var strong = document.createElement("strong");
        strong.textContent = where + ": ";
        item.appendChild(strong);
      }
      item.appendChild(document.createTextNode(problem.message));
      list.appendChild(item);
    });
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Sluiten";
    button.style.font = "inherit";
    button.style.padding = "0.25rem 1rem";
    button.addEventListener("click", close);
    panel.append(title, text, list, button);
    document.body.appendChild(panel);
  }

  window.werkplaatsRefusalBox = { show: show, close: close };
  window.addEventListener("hashchange", close);
})();
