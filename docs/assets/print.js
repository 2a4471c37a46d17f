// Links on paper: werkplaats.css prints the address after each link in the
// text (@media print). CSS can only print the href as written, which is
// relative ("../../agenda/"), so the full address is stored on the link,
// just before printing: a page view that is never printed does no work.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll(".md-content a[href]").forEach(function (link) {
    if (link.getAttribute("href").charAt(0) === "#") return;
    var address = link.href.replace(/^mailto:/, "");
    if (link.textContent.trim() !== address) link.setAttribute("data-print-url", address);
  });
});
