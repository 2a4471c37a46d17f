// Under `make cms`: a save that `make check` would refuse is refused by the
// local backend's gate (tools/cms.py, werkplaats/editing/save_check.py), which
// answers with the model's own Dutch messages. Decap shows them for a few
// seconds ("Kan item niet opslaan: ..."); this keeps them in the form, each
// with the field it is about, until the next save or until closed. No rule
// lives here: the messages come from the model.
(function () {
  "use strict";
  var original = window.fetch;
  if (!original) return;
  var WRITES = ["persistEntry", "persistMedia", "deleteFile", "deleteFiles"];

  function action(init) {
    if (!init || typeof init.body !== "string") return "";
    try {
      return JSON.parse(init.body).action || "";
    } catch (error) {
      return "";
    }
  }

  // The box itself: refusal-box.js, shared with the form's own rules.
  var INTRO = "De controle van de site (make check) zou dit weigeren. Er is niets geschreven. Pas het formulier aan en sla opnieuw op:";
  var box = window.werkplaatsRefusalBox;

  window.fetch = function (input, init) {
    var result = original.apply(this, arguments);
    if (WRITES.indexOf(action(init)) === -1) return result;
    result.then(function (response) {
      if (response.ok) {
        box.close();
      } else if (response.status === 422) {
        response.clone().json().then(function (data) {
          if (data && data.werkplaats_problems) box.show(INTRO, data.werkplaats_problems);
        }, function () {});
      }
    }, function () {});
    return result;
  };
})();
