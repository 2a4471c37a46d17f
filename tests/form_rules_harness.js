// Runs overrides/admin/form-rules.js under node for tests/test_form_rules.py:
// a fake Decap (CMS.registerEventListener), a fetch that serves the rule
// data given on stdin, a box that records what it shows. Prints JSON.
"use strict";
const fs = require("fs");
const vm = require("vm");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const listeners = [];
const shown = [];
globalThis.window = {
  CMS: { registerEventListener: (listener) => listeners.push(listener) },
  // rules null: form-rules.json is not served
  fetch: (url) => Promise.resolve({ ok: url === "form-rules.json" && input.rules !== null, status: 404, json: () => Promise.resolve(input.rules) }),
  werkplaatsRefusalBox: { show: (intro, problems) => shown.push({ intro, problems }), close: () => shown.push(null) },
};
vm.runInThisContext(fs.readFileSync(input.script, "utf8"), { filename: input.script });
const api = window.werkplaatsFormRules;

(async () => {
  const saves = [];
  for (const row of input.saves) {
    // An Immutable Map as Decap passes it: get("data") has toJS().
    const entry = { get: (key) => (key === "data" ? { toJS: () => row.data } : row.collection) };
    shown.length = 0;
    try {
      const result = await listeners[0].handler({ entry, author: { login: "test" } });
      saves.push({ saved: true, changed: result !== undefined, shown: [...shown] });
    } catch (error) {
      saves.push({ saved: false, text: String(error), shown: [...shown] });
    }
  }
  process.stdout.write(
    JSON.stringify({
      listeners: listeners.map((listener) => listener.name),
      rows: input.rows.map((row) => api.problems(input.rules, row.collection, row.data, input.today)),
      saves,
      days: input.instants.map((instant) => api.today(input.rules.time_zone, new Date(instant))),
    }),
  );
})();
