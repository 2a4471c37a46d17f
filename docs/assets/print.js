// Links on paper: werkplaats.css prints the address after each link in the
// text (@media print). CSS can only print the href as written, which is
// relative ("../../agenda/"), so the full address is stored on the link.
document.querySelectorAll(".md-content a[href]").forEach(function (link) {
  var href = link.getAttribute("href");
  if (href.charAt(0) === "#" || link.textContent.trim() === link.href) return;
  link.setAttribute("data-print-url", link.href.replace(/^mailto:/, ""));
});
