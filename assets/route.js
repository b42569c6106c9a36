/* Lokus router gate (and the document's lang and title, the phone menu): before the router renders a page, load the scripts that page needs and the index left out.
 *
 * dashboard/views/bundles.py leaves heavy component libraries (dash-ag-grid) out of the pages that do not use
 * them and lists, in <meta name="lokus-lazy-scripts">, the scripts each page needs ({"/lokus": [url, ...]}).
 * The clientside callback dash_clientside.lokus.route (dashboard/views/shell.py) passes the path on to the
 * router only once those scripts have run, so a move from "/" to "/lokus" inside the app never renders a
 * component whose library is missing. A script the index already holds counts as loaded.
 */
(function () {
  "use strict";
  var loading = {};

  function needed() {
    var meta = document.querySelector('meta[name="lokus-lazy-scripts"]');
    try {
      return meta ? JSON.parse(meta.getAttribute("content")) : {};
    } catch (e) {
      return {};
    }
  }

  function load(url) {
    if (!loading[url]) {
      if (document.querySelector('script[src="' + url + '"]')) {
        return Promise.resolve();
      }
      loading[url] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = url;
        script.onload = resolve;
        script.onerror = resolve; // the page then names the missing component instead of never opening
        document.head.appendChild(script);
      });
    }
    return loading[url];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    lokus: Object.assign({}, (window.dash_clientside || {}).lokus, {
      route: function (pathname) {
        var path = "/" + String(pathname || "/").replace(/^\/+|\/+$/g, "");
        var urls = needed()[path] || [];
        return Promise.all(urls.map(load)).then(function () {
          return pathname;
        });
      },
      // <html lang> and the tab's title follow the language and the page the router has rendered (views/shell.py).
      document: function (_nav, lang, pathname, titles) {
        var path = "/" + String(pathname || "/").replace(/^\/+|\/+$/g, "");
        var language = lang === "en" ? "en" : "id";
        var byLang = (titles || {})[path] || (titles || {})[""] || {};
        document.documentElement.lang = language;
        if (byLang[language]) {
          document.title = byLang[language];
        }
        return { lang: language, title: document.title };
      },
      // A village's profile opened by a tap on a narrow screen (the profile sits under the map) comes into view.
      // Only a new tap scrolls: a change of indicator or period redraws the profile where the reader left it.
      showProfile: function (_profile, clicked, shown) {
        var panel = document.getElementById("village-profile");
        if (!clicked || clicked === shown || !panel || window.innerWidth >= 1200) {
          return window.dash_clientside.no_update;
        }
        panel.scrollIntoView({ block: "start", behavior: "smooth" });
        return clicked;
      },
      // The hamburger opens and closes the menu; a move to another page closes it (a phone sees the page).
      toggleNav: function (_clicks, _route, isOpen) {
        var triggered = (window.dash_clientside.callback_context || {}).triggered || [];
        var byToggle = triggered.some(function (t) { return String(t.prop_id).indexOf("nav-toggle") === 0; });
        return byToggle ? !isOpen : false;
      }
    })
  });
})();
