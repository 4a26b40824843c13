/* Keyboard access to the navigation drawer on phones and tablets.
 *
 * Material opens the drawer with a <label> for a hidden checkbox, which Tab never reaches; the
 * closed drawer is also hidden from Tab by techclinic.css (its links are off screen). This puts a
 * real <button> with the same icon in the label's place: Enter or Space opens and closes the
 * drawer, Escape closes it and returns to the button. Without JavaScript the label still opens the
 * drawer by tap or click.
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  if (!toggle || !label) return;
  var nav = document.querySelector(".md-nav--primary");
  var sidebar = nav && nav.closest(".md-sidebar");

  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon tc-menu";
  button.innerHTML = label.innerHTML; // Material's own menu icon (an inline SVG from the page itself)
  if (nav && nav.getAttribute("aria-label")) button.setAttribute("aria-label", nav.getAttribute("aria-label"));
  if (sidebar) {
    if (!sidebar.id) sidebar.id = "tc-drawer";
    button.setAttribute("aria-controls", sidebar.id);
  }
  label.parentNode.insertBefore(button, label);
  label.classList.add("tc-replaced");

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
    sync();
  }

  button.addEventListener("click", function () { setOpen(!toggle.checked); });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      button.focus();
    }
  });
  sync();
})();
