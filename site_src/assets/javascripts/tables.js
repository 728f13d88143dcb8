/* Tables a reader can use, with no library: a table in a "sortable" block (a table page's rows) sorts
   by any column and filters by text over every row of its CSV, from the mouse and the keyboard; and a
   table wider than its box scrolls from the keyboard. The page's rows are there without this script,
   a page at a time; the script reads the whole CSV (same origin) at the reader's first sort or filter.
   Every cell is set as text, never as markup. */
(function () {
  "use strict";

  // A scroll wrapper wider than its box joins the tab order as a named region, so arrow keys scroll it
  // (the build marks the data pages' tables so; this covers every other table, e.g. Material's own).
  function reachable() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth + 1) return;
      var caption = wrap.querySelector("caption"), heading = null;
      for (var at = wrap.parentElement; at && !heading && at !== document.body; at = at.parentElement) {
        for (var before = at.previousElementSibling; before && !heading; before = before.previousElementSibling) {
          if (/^H[1-6]$/.test(before.tagName)) heading = before;
        }
        if (at.classList.contains("md-content")) break;
      }
      var name = (caption || heading || document.querySelector("h1") || { textContent: document.title }).textContent;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", name.replace(/¶/g, "").trim());
    });
  }

  // RFC 4180: quoted fields may hold commas, line breaks and doubled quotes.
  function parseCsv(text) {
    var rows = [], row = [], field = "", quoted = false;
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c !== '"') field += c;
        else if (text[i + 1] === '"') { field += '"'; i++; }
        else quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === ",") { row.push(field); field = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field); rows.push(row); row = []; field = "";
      } else field += c;
    }
    if (field || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  var NUMERIC = { integer: true, number: true, year: true };
  var serial = 0;

  function enhance(box) {
    var table = box.querySelector("table.data-table"), tbody = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var tools = box.querySelector(".table-tools"), count = tools.querySelector(".table-tools__count");
    var pager = box.parentElement.querySelector("nav.pager");
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
    var total = null, rows = entries(Array.prototype.slice.call(tbody.rows)), loading = null;
    var column = -1, ascending = true, id = "table-filter-" + ++serial;

    function entries(trs) {
      return trs.map(function (tr) {
        var cells = Array.prototype.map.call(tr.cells, function (td) { return td.textContent; });
        return { tr: tr, cells: cells, text: cells.join("\u0000").toLocaleLowerCase() };
      });
    }

    function load() {
      if (!loading) {
        loading = fetch(box.getAttribute("data-csv"))
          .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
          .then(function (text) {
            var records = parseCsv(text).slice(1).filter(function (r) { return r.length > 1 || r[0] !== ""; });
            rows = entries(records.map(function (record) {
              var tr = document.createElement("tr");
              record.forEach(function (value) {
                var td = document.createElement("td");
                td.textContent = value.replace(/\s+/g, " ").trim();
                tr.appendChild(td);
              });
              return tr;
            }));
            total = rows.length;
            if (pager) pager.hidden = true;  // every row is in the table now
          })
          .catch(function () { /* the page's rows stay; sorting and filtering work on them */ });
      }
      return loading;
    }

    function compare(a, b) {
      var x = a.cells[column], y = b.cells[column];
      if (x === "" || y === "") return (x === "") - (y === "");  // empty cells last, either way
      var order = NUMERIC[heads[column].getAttribute("data-type")] && !isNaN(x) && !isNaN(y)
        ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
      return ascending ? order : -order;
    }

    function show() {
      var words = input.value.toLocaleLowerCase().trim().split(/\s+/).filter(Boolean);
      var shown = rows.filter(function (r) { return words.every(function (w) { return r.text.indexOf(w) >= 0; }); });
      if (column >= 0) shown.sort(compare);
      var fragment = document.createDocumentFragment();
      shown.forEach(function (r) { fragment.appendChild(r.tr); });
      tbody.replaceChildren(fragment);
      var of = total === null ? rows.length : total;
      count.textContent = box.getAttribute("data-shown").replace("{shown}", shown.length).replace("{count}", of);
    }

    function update() { load().then(show); }

    var label = document.createElement("label"), input = document.createElement("input");
    label.htmlFor = id;
    label.textContent = box.getAttribute("data-filter-label");
    input.id = id;
    input.type = "search";
    input.className = "table-tools__filter";
    input.setAttribute("autocomplete", "off");
    input.addEventListener("input", update);
    input.addEventListener("focus", load, { once: true });
    var hint = document.createElement("span");
    hint.id = id + "-hint";
    hint.className = "table-tools__hint";
    hint.textContent = box.getAttribute("data-sort-hint");
    count.setAttribute("role", "status");
    tools.insertBefore(label, count);
    tools.insertBefore(input, count);
    tools.appendChild(hint);

    heads.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.setAttribute("aria-describedby", hint.id);
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        ascending = column === index ? !ascending : true;
        column = index;
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        update();
      });
    });
    box.classList.add("sortable--ready");
  }

  document.querySelectorAll(".sortable").forEach(enhance);
  // Measuring the wrappers needs a layout: wait until the page has loaded and the browser is idle, so
  // as not to add to the start-up's work (the data pages' tables are marked in the HTML already).
  function later() {
    (window.requestIdleCallback || function (f) { return setTimeout(f, 200); })(function () {
      reachable();
      document.body.setAttribute("data-scroll-checked", "");
    });
  }
  var timer = 0;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(reachable, 200); });
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later);
})();
