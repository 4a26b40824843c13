/* "Find help in my province": the select shows one province's section by setting the URL hash.
 * Without JavaScript the page still works: the province links jump to each section (CSS :target).
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-tc-find-help]");
  if (!form) return;
  var select = form.querySelector("select");
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function sync() {
    var id = decodeURIComponent(location.hash.slice(1));
    var section = id && document.getElementById(id);
    select.value = section && section.hasAttribute("data-province") ? id : "";
  }

  select.addEventListener("change", function () {
    if (!select.value) return;
    location.hash = select.value;
    var heading = document.getElementById(select.value + "-h");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  });
  window.addEventListener("hashchange", sync);
  sync();
})();
