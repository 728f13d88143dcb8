// Two requests Material's script makes on every page load, which a first visit should not pay for.
// It must run before Material's bundle, which makes them (with XMLHttpRequest).
// - The whole search index, which grows with every page of the site: held until the reader opens search.
// - sitemap.xml of each language named by the page's <link rel="alternate">, which Material reads to send
//   the language selector to the same page in the other language: never sent, because the build already
//   points the selector there (mkdocs_hooks.py), and the links name pages, whose folders have no sitemap.
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var release;
  var searchOpened = new Promise(function (resolve) { release = resolve; });

  XMLHttpRequest.prototype.open = function (method, url) {
    var path = new URL(url, location.href).pathname;
    this.isSearchIndex = /\/search\/search_index\.json$/.test(path);
    this.isSitemap = /\/sitemap\.xml$/.test(path);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.isSitemap) { return; }
    if (!request.isSearchIndex) { return send.apply(request, args); }
    searchOpened.then(function () {
      if (request.readyState === XMLHttpRequest.OPENED) { send.apply(request, args); }
    });
  };

  // Search opens when its field gets focus (a click or tap, or Material's s, f and / keys),
  // when its toggle changes (the phone layout), or when the address asks for a query.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) { release(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") { release(); }
  });
  if (/[?&][qh]=/.test(location.search)) { release(); }
})();
