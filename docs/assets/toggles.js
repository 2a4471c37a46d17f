// Material's drawer and search are opened by two hidden checkboxes. A
// browser that restores form state on "back" (Firefox; Chromium from its
// back/forward cache) would show the page with the drawer or the search
// still open. Material prevents that with autocomplete="off", which is not
// valid HTML on a checkbox, so hooks/valid_html.py removes it and this
// closes both whenever a page is shown.
window.addEventListener("pageshow", function () {
  ["__drawer", "__search"].forEach(function (id) {
    var toggle = document.getElementById(id);
    if (toggle && toggle.checked) toggle.click();
  });
});
