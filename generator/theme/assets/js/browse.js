/* The browse page: faceted filtering of the entry list the page already contains.
 *
 * browse/data.js (window.TC_BROWSE) lists every entry in title order with its date and, per facet, the
 * indexes of its values (the same order as the checkboxes). Within a facet, chosen values are alternatives (OR);
 * facets combine (AND). Each choice shows how many entries it would give with the other facets as they are.
 * The state lives in the URL's #hash (category=crops&region=north&sort=new), so a view can be shared,
 * bookmarked and reloaded, over HTTP and from file://. Nothing is parsed as HTML.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-tc-browse]");
  if (!root) return;
  var form = root.querySelector("[data-tc-facets]");
  var status = root.querySelector("[data-status]");
  var results = root.querySelector("[data-results]");
  var groups = root.querySelector("[data-groups]");
  var more = root.querySelector("[data-more]");
  var sortSelect = form.querySelector("select[name=sort]");
  var PAGE = 60;
  var shown = PAGE;

  /* "{count, plural, one {# entry} other {# entries}}" → "1 entry", "5 entries" (as generator/uitext.py). */
  function fillCount(text, n) {
    return text.replace(/\{count, plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g, function (m, one, other) {
      return (n === 1 ? one : other).replace(/#/g, String(n));
    }).replace(/\{count\}/g, String(n));
  }

  var data = window.TC_BROWSE;
  if (!data) return;  // the data file is missing: the no-JavaScript list stays
  var base = root.getAttribute("data-base");
  var facets = data.facets.map(function (name, n) {
    var el = form.querySelector('[data-facet="' + name + '"]');
    var boxes = Array.prototype.slice.call(el.querySelectorAll("input[type=checkbox]"));
    var position = {};
    boxes.forEach(function (b, k) { position[b.value] = k; });
    return { name: name, el: el, boxes: boxes, position: position, chosen: el.querySelector("[data-chosen]"),
             labels: data.labels[n] };
  });
  var KIND = data.facets.indexOf("kind"), INSTITUTION = data.facets.indexOf("institution");

  // One record per entry, in title order; values[n] lists the indexes of its values of facet n.
  var items = data.entries.map(function (row, order) {
    return { id: row[0], title: row[1], thai: row[2] === 1, date: row[3], values: row[4], order: order };
  });

  // Per facet, the indexes of the chosen values (as a lookup), or null when nothing is chosen.
  function chosenValues() {
    return facets.map(function (f) {
      var set = null;
      f.boxes.forEach(function (b, k) { if (b.checked) { set = set || {}; set[k] = true; } });
      return set;
    });
  }

  function matches(item, chosen, skip) {
    for (var n = 0; n < chosen.length; n++) {
      var set = chosen[n];
      if (n === skip || set === null) continue;
      var values = item.values[n], ok = false;
      for (var k = 0; k < values.length; k++) {
        if (set[values[k]]) { ok = true; break; }
      }
      if (!ok) return false;
    }
    return true;
  }

  function updateCounts(chosen) {
    facets.forEach(function (f, n) {
      var counts = f.boxes.map(function () { return 0; });
      items.forEach(function (item) {
        if (!matches(item, chosen, n)) return;
        var values = item.values[n];
        for (var k = 0; k < values.length; k++) counts[values[k]]++;
      });
      var picked = 0;
      f.boxes.forEach(function (box, k) {
        box.parentNode.querySelector("[data-count]").textContent = "(" + counts[k] + ")";
        box.parentNode.classList.toggle("tc-facet__option--empty", counts[k] === 0 && !box.checked);
        if (box.checked) picked++;
      });
      f.chosen.textContent = picked ? "· " + picked : "";
    });
  }

  function render(resetPaging) {
    var chosen = chosenValues();
    var found = items.filter(function (item) { return matches(item, chosen, -1); });
    if (sortSelect.value === "new") {
      found.sort(function (a, b) { return b.date - a.date || a.order - b.order; });
    } else {
      found.sort(function (a, b) { return a.order - b.order; });
    }
    if (resetPaging) shown = PAGE;
    updateCounts(chosen);
    status.textContent = fillCount(status.getAttribute("data-template"), found.length);
    groups.hidden = true;  // the no-JavaScript list gives way to the filtered one
    results.hidden = false;
    more.hidden = found.length <= shown;
    var list = document.createDocumentFragment();
    found.slice(0, shown).forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + "entries/" + encodeURIComponent(item.id) + ".html";
      a.textContent = item.title;
      if (item.thai) a.lang = "th";
      var by = document.createElement("span");
      by.className = "tc-browse__by";
      var kind = item.values[KIND][0];
      var badge = document.createElement("span");
      badge.className = "tc-badge tc-badge--" + facets[KIND].boxes[kind].value;
      badge.textContent = facets[KIND].labels[kind];
      by.appendChild(badge);
      by.appendChild(document.createTextNode(" " + facets[INSTITUTION].labels[item.values[INSTITUTION][0]]));
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(by);
      list.appendChild(li);
    });
    results.textContent = "";
    results.appendChild(list);
  }

  function writeHash() {
    var parts = [];
    facets.forEach(function (f) {
      var values = f.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (values.length) parts.push(f.name + "=" + values.map(encodeURIComponent).join(","));
    });
    if (sortSelect.value !== "title") parts.push("sort=" + sortSelect.value);
    var hash = parts.join("&");
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function readHash() {
    var wanted = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var cut = part.indexOf("=");
      if (cut > 0) wanted[part.slice(0, cut)] = part.slice(cut + 1).split(",").map(decodeURIComponent);
    });
    facets.forEach(function (f) {
      var values = wanted[f.name] || [];
      f.boxes.forEach(function (box) { box.checked = values.indexOf(box.value) >= 0; });
      if (values.length) f.el.open = true;
    });
    sortSelect.value = wanted.sort && wanted.sort[0] === "new" ? "new" : "title";
  }

  form.addEventListener("change", function () { writeHash(); render(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { writeHash(); render(true); }, 0);
  });
  more.addEventListener("click", function () { shown += PAGE; render(false); });
  window.addEventListener("hashchange", function () { readHash(); render(true); });

  form.hidden = false;
  readHash();
  render(true);
})();
