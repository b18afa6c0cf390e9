/* The pages' few scripts. None is inline: the Content-Security-Policy allows only script files
   from this site. Each listens on the document, so it also serves the parts htmx swaps in. */
(function () {
  "use strict";

  // "离我最近" on the job search: shown only where the phone can tell where it is.
  function showNearMe(root) {
    var button = root.querySelector("#near-me");
    if (button && navigator.geolocation) button.hidden = false;
  }
  showNearMe(document);
  document.addEventListener("htmx:load", function (event) { showNearMe(event.detail.elt); });

  function locate(button) {
    button.textContent = "正在定位……";
    navigator.geolocation.getCurrentPosition(function (pos) {
      window.location = button.dataset.url + "&lng=" + pos.coords.longitude.toFixed(5) +
        "&lat=" + pos.coords.latitude.toFixed(5);
    }, function () { window.location = button.dataset.url; });  // the page then asks for a county
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    if (target.closest("[data-print]")) window.print();
    var nearMe = target.closest("#near-me");
    if (nearMe) locate(nearMe);
  });

  // Enter in a search-as-you-type box searches in place instead of sending the whole form.
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key !== "Enter" || !(input instanceof Element) || !input.matches("[data-search-on-enter]")) return;
    event.preventDefault();
    htmx.trigger(input, "search");
  });

  // Dependent selects: a change of an upper level redraws its block with the next level's options.
  document.addEventListener("change", function (event) {
    var select = event.target;
    if (!(select instanceof Element) || select.getAttribute("data-refresh") !== "1") return;
    var block = select.closest(".region");
    if (block) htmx.trigger(block, "refresh");
  });
})();

/* The APP channel: the service worker (/sw.js, see templates/core/sw.js), the offline notice
   and the "add to home screen" hint. */
(function () {
  "use strict";
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
  }

  var banner = document.querySelector("[data-offline-banner]");
  function showOffline() { if (banner) banner.hidden = navigator.onLine; }
  showOffline();
  window.addEventListener("online", showOffline);
  window.addEventListener("offline", showOffline);

  // Android's browsers offer to install a site through this event; the hint is ours, shown
  // until the person installs or says no (remembered on this phone).
  var DISMISSED = "install-hint-dismissed";
  var hint = document.querySelector("[data-install-hint]");
  var offer = null;
  function dismissed() {
    try { return window.localStorage.getItem(DISMISSED) === "1"; } catch (e) { return false; }
  }
  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    offer = event;
    if (hint && !dismissed()) hint.hidden = false;
  });
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || !hint) return;
    if (target.closest("[data-install]") && offer) {
      offer.prompt();
      hint.hidden = true;
      offer = null;
    } else if (target.closest("[data-install-dismiss]")) {
      hint.hidden = true;
      try { window.localStorage.setItem(DISMISSED, "1"); } catch (e) { /* private mode */ }
    }
  });
  window.addEventListener("appinstalled", function () { if (hint) hint.hidden = true; });
})();
