// The light/dark toggle (overrides/partials/palette.html), in place of Material's palette script.
// A palette the reader chose is stored where Material's own inline script reads it, so every page
// starts in it before anything is drawn; without one, the page follows the system setting. The page's
// attributes change only when the palette does, so a page load costs no restyling of the whole page.
(function () {
  "use strict";
  var form = document.querySelector("[data-palette-toggle]");
  if (!form) { return; }
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));

  function colour(input) {
    var names = ["media", "scheme", "primary", "accent"], color = {};
    names.forEach(function (name) { color[name] = input.getAttribute("data-md-color-" + name); });
    return color;
  }

  function show(index) {
    inputs[index].checked = true;
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label instanceof HTMLLabelElement) { label.hidden = i !== index; }
    });
    var color = colour(inputs[index]);
    ["scheme", "primary", "accent"].forEach(function (name) {
      if (document.body.getAttribute("data-md-color-" + name) !== color[name]) {
        document.body.setAttribute("data-md-color-" + name, color[name]);
      }
    });
  }

  var stored = __md_get("__palette");
  var index = stored && inputs[stored.index] ? stored.index : Math.max(0, inputs.findIndex(function (input) {
    return matchMedia(input.getAttribute("data-md-color-media")).matches;
  }));
  show(index);

  form.addEventListener("change", function (event) {
    var chosen = inputs.indexOf(event.target);
    if (chosen < 0) { return; }
    show(chosen);
    __md_set("__palette", { index: chosen, color: colour(inputs[chosen]) });
  });
  // Enter on the focused option moves to the next palette, as in Material.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || inputs.indexOf(event.target) < 0) { return; }
    event.preventDefault();
    var next = inputs[(inputs.indexOf(event.target) + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
