// The CMS preview: a post as the site will show it, drawn with the site's
// own CSS (Material's and werkplaats.css, listed in data-styles by
// hooks/admin.py). Title, Dutch date or time and place, image, text.
// Decap's bundle provides CMS, h (React.createElement) and createClass.
(function () {
  "use strict";
  var styles = (document.currentScript.dataset.styles || "").split(" ").filter(Boolean);
  styles.forEach(function (href) { CMS.registerPreviewStyle(href); });

  // "2018-10-18" or "2018-10-18 19:30", as the form's widgets write them
  // (werkplaats/editing/cms.py); read as wall-clock values, never shifted by a zone.
  function moment(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(String(text || ""));
    if (!m) return null;
    return { date: new Date(Date.UTC(+m[1], m[2] - 1, +m[3])), time: m[4] ? m[4] + ":" + m[5] : "" };
  }
  var DAY = new Intl.DateTimeFormat("nl-NL", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  var SHORT = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

  // The same forms as werkplaats/site/agenda.py when(): "donderdag 18 oktober 2018, 19:00–21:30".
  function when(startText, endText) {
    var start = moment(startText), end = moment(endText);
    if (!start) return "";
    var first = DAY.format(start.date) + (start.time ? ", " + start.time : "");
    if (!end) return first;
    if (end.date.getTime() === start.date.getTime()) return end.time && start.time ? first + "–" + end.time : first;
    return first + (start.time ? " tot " : " t/m ") + DAY.format(end.date) + (end.time ? ", " + end.time : "");
  }

  function field(entry, path) {
    var value = entry.getIn(["data"].concat(path));
    return value === undefined || value === null ? "" : value;
  }

  function picture(props) {
    var image = field(props.entry, ["image"]);
    if (!image) return null;
    var asset = props.getAsset(image);
    return h("p", {}, h("img", { src: asset ? asset.toString() : "", alt: field(props.entry, ["image_alt"]) }));
  }

  var Post = createClass({
    render: function () {
      var entry = this.props.entry, day = moment(field(entry, ["date"]));
      return h("article", { className: "md-typeset wp-preview" },
        h("h1", {}, field(entry, ["title"])),
        h("p", { className: "wp-post-meta" }, day ? h("time", {}, SHORT.format(day.date)) : null),
        picture(this.props),
        this.props.widgetFor("body"));
    }
  });

  var Event = createClass({
    render: function () {
      var entry = this.props.entry, place = field(entry, ["location"]);
      var where = typeof place === "string" ? [place].filter(Boolean) : [
        field(entry, ["location", "name"]),
        [field(entry, ["location", "address"]),
         [field(entry, ["location", "postcode"]), field(entry, ["location", "city"])].filter(Boolean).join(" ")
        ].filter(Boolean).join(", ")
      ].filter(Boolean);
      var registration = field(entry, ["registration"]);
      return h("article", { className: "md-typeset wp-preview" },
        h("h1", {}, field(entry, ["title"])),
        h("dl", { className: "wp-facts" },
          h("dt", {}, "Wanneer"), h("dd", {}, when(field(entry, ["start"]), field(entry, ["end"]))),
          where.length ? h("dt", {}, "Waar") : null,
          where.length ? h("dd", {}, where.map(function (line, i) { return h("span", { key: i, className: "wp-preview-line" }, line); })) : null),
        registration ? h("p", { className: "wp-actions" }, h("span", { className: "md-button md-button--primary" }, "Aanmelden")) : null,
        picture(this.props),
        this.props.widgetFor("body"));
    }
  });

  CMS.registerPreviewTemplate("nieuws", Post);
  CMS.registerPreviewTemplate("verslagen", Post);
  CMS.registerPreviewTemplate("agenda", Event);
})();
