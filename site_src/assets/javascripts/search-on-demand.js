// Material requests the whole search index as soon as any page loads, and the index grows
// with every page of the site. This holds that one request until the reader opens search,
// so a first visit downloads only the page it asked for. It must run before Material's
// bundle, which makes the request (with XMLHttpRequest).
(function () {
  "use strict";
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var release;
  var searchOpened = new Promise(function (resolve) { release = resolve; });

  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = /\/search\/search_index\.json$/.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
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
