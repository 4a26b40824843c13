/* Keyboard access to the navigation drawer on phones and tablets.
 *
 * Material opens the drawer with a <label> for a hidden checkbox, which Tab never reaches; the
 * closed drawer is also hidden from Tab by techclinic.css (its links are off screen). This turns
 * the menu icon into a button: Enter or Space opens and closes the drawer, Escape closes it and
 * returns to the button. Without JavaScript the icon still opens the drawer by tap or click.
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  if (!toggle || !button) return;
  var nav = document.querySelector(".md-nav--primary");
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  if (nav && nav.getAttribute("aria-label")) button.setAttribute("aria-label", nav.getAttribute("aria-label"));
  if (nav && nav.closest(".md-sidebar")) {
    var sidebar = nav.closest(".md-sidebar");
    if (!sidebar.id) sidebar.id = "tc-drawer";
    button.setAttribute("aria-controls", sidebar.id);
  }

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    sync();
  }

  button.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      event.stopPropagation(); // Material's own keyboard handler would click the label a second time
      setOpen(!toggle.checked);
    }
  });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      button.focus();
    }
  });
  sync();
})();
