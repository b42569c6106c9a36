// The public district page's interactive map, a progressive enhancement of its SVG map.
//
// The SVG stays the page's map: it needs no JavaScript, prints, and costs a phone no map library. This file only
// shows the "Peta interaktif" button. Pressed, it fetches the map's data (/publik/<kode>/peta.json, the SVG's own
// choice: see dashboard/public/interactive.py), the map component's core bundle (MapLibre GL JS) and stylesheet,
// and draws the same published figures in the SVG's place with the component's controller, as its React wrapper
// does (mapcomponent/src/LokusMap.js). "Kembali ke peta statis" removes it and shows the SVG again.
(function () {
  'use strict';

  var panel = document.getElementById('peta-live');
  var frame = document.getElementById('peta-frame');
  if (!panel || !frame || !window.fetch || !window.Promise) return; // an old browser keeps the SVG only

  var DOM_ID = 'peta-interaktif'; // the component's test hook: window.__lokusMaps[DOM_ID]
  var open = panel.querySelector('.pub-live-open');
  var close = panel.querySelector('.pub-live-close');
  var hint = panel.querySelector('.pub-live-hint');
  var status = panel.querySelector('.pub-live-status');
  var core = null; // the promise of window.__lokusMapCore, loaded once
  var live = null; // the map shown: {root, controller}

  function absolute(url) {
    return new URL(url, document.baseURI).href;
  }

  function loadCore() {
    if (!core) {
      core = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = panel.dataset.core;
        script.async = true;
        script.onload = function () {
          window.__lokusMapCore.setWorkerUrl(absolute(panel.dataset.worker));
          resolve(window.__lokusMapCore);
        };
        script.onerror = function () {
          core = null;
          reject(new Error('cannot load ' + script.src));
        };
        document.head.appendChild(script);
      });
    }
    return core;
  }

  function loadStyle() {
    if (document.querySelector('link[data-lokus-map]')) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = panel.dataset.css;
      link.setAttribute('data-lokus-map', '');
      link.onload = function () {
        resolve();
      };
      link.onerror = function () {
        link.remove();
        reject(new Error('cannot load ' + link.href));
      };
      document.head.appendChild(link);
    });
  }

  function loadData() {
    return fetch(panel.dataset.data, {credentials: 'same-origin'}).then(function (response) {
      if (!response.ok) throw new Error(response.status + ' ' + response.url);
      return response.json();
    });
  }

  function setOverlay(overlay, text, error) {
    overlay.hidden = !text;
    overlay.textContent = text || '';
    overlay.classList.toggle('lokus-map__loading--error', Boolean(error));
  }

  function show() {
    open.disabled = true;
    status.textContent = '';
    // The component's structure: a positioned root holding the canvas' container, its overlay and tooltip.
    var root = document.createElement('div');
    root.id = DOM_ID;
    root.className = 'lokus-map pub-live-map';
    root.setAttribute('data-ready', 'false');
    root.setAttribute('aria-busy', 'true');
    var drawing = frame.querySelector('svg');
    var box = drawing && drawing.viewBox && drawing.viewBox.baseVal;
    if (box && box.width && box.height) root.style.aspectRatio = box.width + ' / ' + box.height;
    var canvas = document.createElement('div');
    canvas.className = 'lokus-map__canvas';
    var overlay = document.createElement('div');
    overlay.className = 'lokus-map__loading';
    overlay.setAttribute('role', 'status');
    root.appendChild(canvas);
    root.appendChild(overlay);
    setOverlay(overlay, panel.dataset.loading, false);
    frame.appendChild(root);
    frame.classList.add('pub-map-frame--live');
    var shown = {root: root, controller: null};
    live = shown;
    open.hidden = true;
    close.hidden = false;
    close.focus();

    Promise.all([loadData(), loadCore(), loadStyle()]).then(
      function (loaded) {
        if (live !== shown) return; // taken back before it arrived
        var data = loaded[0];
        shown.controller = loaded[1].createMap(canvas, data.props, {
          domId: DOM_ID,
          setProps: function (values) {
            // A click on an area opens its page, as the SVG's link does.
            var url = values.click_code != null ? data.urls[values.click_code] : null;
            if (url) window.location.assign(url);
          },
          onStatus: function (next) {
            if (live !== shown) return;
            root.setAttribute('data-ready', next.ready ? 'true' : 'false');
            root.setAttribute('aria-busy', next.ready ? 'false' : 'true');
            if (next.error) setOverlay(overlay, next.error, true);
            else setOverlay(overlay, next.ready ? '' : data.props.loading_text || panel.dataset.loading, false);
          },
        });
        hint.hidden = false;
      },
      function (error) {
        if (live !== shown) return;
        console.warn('peta interaktif:', error.message);
        hide();
        status.textContent = panel.dataset.failed;
      },
    );
  }

  function hide() {
    if (live) {
      if (live.controller) live.controller.destroy();
      live.root.remove();
      live = null;
    }
    frame.classList.remove('pub-map-frame--live');
    open.disabled = false;
    open.hidden = false;
    close.hidden = true;
    hint.hidden = true;
  }

  open.addEventListener('click', show);
  close.addEventListener('click', function () {
    hide();
    open.focus();
  });
  panel.hidden = false;
})();
