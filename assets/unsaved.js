/* Lokus: warn before leaving a page that holds work not yet saved.
 *
 * A page marks unsaved work with data-unsaved="1" on an element (the lokus page's note, set by its callback in
 * dashboard/views/lokus_page/state.py). Closing the tab, reloading or following a link out of the app then asks
 * the browser's own "leave this page?" question. Moves inside the app (dcc.Location) do not unload the page, and
 * the planner's settings are kept on the server anyway, so the note on the page is the warning there.
 */
(function () {
  "use strict";
  window.addEventListener("beforeunload", function (event) {
    if (!document.querySelector('[data-unsaved="1"]')) {
      return undefined;
    }
    event.preventDefault();
    event.returnValue = ""; // older Chromium needs a value; browsers show their own text
    return "";
  });
})();
