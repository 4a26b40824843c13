/* The browse page: faceted filtering of the entry list the page already contains.
 *
 * Every <li> of the no-JavaScript list carries its facet values (data-f="k:technology c:crops p:nan …"),
 * its place in title order (data-o) and its date (data-d). Within a facet, chosen values are alternatives (OR);
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

  var facets = Array.prototype.map.call(form.querySelectorAll("[data-facet]"), function (el) {
    return {
      name: el.getAttribute("data-facet"),
      code: el.getAttribute("data-code"),
      el: el,
      boxes: Array.prototype.slice.call(el.querySelectorAll("input[type=checkbox]")),
      chosen: el.querySelector("[data-chosen]")
    };
  });
  var byCode = {};
  facets.forEach(function (f, n) { byCode[f.code] = n; });

  // One record per entry: its list item and, per facet, the set of its values.
  var items = Array.prototype.map.call(groups.querySelectorAll("li[data-f]"), function (li) {
    var values = facets.map(function () { return {}; });
    li.getAttribute("data-f").split(" ").forEach(function (pair) {
      var cut = pair.indexOf(":");
      var n = byCode[pair.slice(0, cut)];
      if (n !== undefined) values[n][pair.slice(cut + 1)] = true;
    });
    return { li: li, values: values, order: Number(li.getAttribute("data-o")), date: li.getAttribute("data-d") };
  });

  function chosenValues() {
    return facets.map(function (f) {
      return f.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    });
  }

  function matches(item, chosen, skip) {
    for (var n = 0; n < chosen.length; n++) {
      if (n === skip || chosen[n].length === 0) continue;
      var ok = false;
      for (var k = 0; k < chosen[n].length; k++) {
        if (item.values[n][chosen[n][k]]) { ok = true; break; }
      }
      if (!ok) return false;
    }
    return true;
  }

  function updateCounts(chosen) {
    facets.forEach(function (f, n) {
      var counts = {};
      items.forEach(function (item) {
        if (!matches(item, chosen, n)) return;
        for (var value in item.values[n]) counts[value] = (counts[value] || 0) + 1;
      });
      f.boxes.forEach(function (box) {
        var count = counts[box.value] || 0;
        box.parentNode.querySelector("[data-count]").textContent = "(" + count + ")";
        box.parentNode.classList.toggle("tc-facet__option--empty", count === 0 && !box.checked);
      });
      f.chosen.textContent = chosen[n].length ? "· " + chosen[n].length : "";
    });
  }

  function render(resetPaging) {
    var chosen = chosenValues();
    var any = chosen.some(function (c) { return c.length; }) || sortSelect.value !== "title";
    var found = items.filter(function (item) { return matches(item, chosen, -1); });
    if (sortSelect.value === "new") {
      found.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : a.order - b.order; });
    } else {
      found.sort(function (a, b) { return a.order - b.order; });
    }
    if (resetPaging) shown = PAGE;
    updateCounts(chosen);
    status.textContent = status.getAttribute("data-template").replace("{count}", String(found.length));
    groups.hidden = any;
    results.hidden = !any;
    more.hidden = !any || found.length <= shown;
    if (!any) return;
    var list = document.createDocumentFragment();
    found.slice(0, shown).forEach(function (item) {
      var li = document.createElement("li");
      li.appendChild(item.li.firstElementChild.cloneNode(true));
      var by = item.li.querySelector(".tc-browse__by");
      if (by) { li.appendChild(document.createTextNode(" ")); li.appendChild(by.cloneNode(true)); }
      list.appendChild(li);
    });
    results.textContent = "";
    results.appendChild(list);
  }

  function writeHash() {
    var parts = [];
    chosenValues().forEach(function (values, n) {
      if (values.length) parts.push(facets[n].name + "=" + values.map(encodeURIComponent).join(","));
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
