// LokusMap, the Dash component: a village choropleth recoloured through MapLibre's feature-state.
//
// This file is the small bundle Dash puts on every page (React comes from Dash: window.React). MapLibre and the
// map controller are a second bundle, fetched the first time a map mounts; MapLibre's worker is a third file.
// Both are named with a content hash that Dash reads as a fingerprint, so the browser caches them for a year.

const React = window.React;
const NAMESPACE = 'dashboard.components.lokus_map';

// Where this bundle was served from (/_dash-component-suites/<namespace>/, after any URL prefix).
const BASE = (() => {
  const script =
    document.currentScript || document.querySelector(`script[src*="/_dash-component-suites/${NAMESPACE}/"]`);
  const src = script ? script.src : `${document.baseURI}_dash-component-suites/${NAMESPACE}/`;
  return src.slice(0, src.lastIndexOf('/') + 1);
})();

let corePromise = null;

function loadCore() {
  if (!corePromise) {
    corePromise = new Promise((resolve, reject) => {
      const ready = () => {
        window.__lokusMapCore.setWorkerUrl(BASE + __LOKUS_WORKER_FILE__);
        resolve(window.__lokusMapCore);
      };
      if (window.__lokusMapCore) {
        ready(); // already on the page (Dash's eager loading)
        return;
      }
      const script = document.createElement('script');
      script.src = BASE + __LOKUS_CORE_FILE__;
      script.async = true;
      script.onload = ready;
      script.onerror = () => {
        corePromise = null;
        reject(new Error(`cannot load ${script.src}`));
      };
      document.head.appendChild(script);
    });
  }
  return corePromise;
}

// Dash's string form of an id (a dict id as sorted JSON), for the DOM and the test hook.
function stringifyId(id) {
  if (id == null || typeof id !== 'object') return id == null ? undefined : String(id);
  const keys = Object.keys(id).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(id[k])}`).join(',')}}`;
}

function LokusMap(props) {
  const {id, className, style, loading_text: loadingText} = props;
  const domId = stringifyId(id);
  const mapElement = React.useRef(null);
  const controller = React.useRef(null);
  const latest = React.useRef(props);
  latest.current = props;
  const [status, setStatus] = React.useState({ready: false, error: null});

  React.useEffect(() => {
    let cancelled = false;
    loadCore().then(
      (core) => {
        if (cancelled) return;
        controller.current = core.createMap(mapElement.current, latest.current, {
          domId: domId || 'lokus-map',
          setProps: (values) => latest.current.setProps && latest.current.setProps(values),
          onStatus: (next) => {
            if (!cancelled) setStatus(next);
          },
        });
      },
      (error) => {
        console.warn('LokusMap:', error.message);
        if (!cancelled) setStatus({ready: false, error: (latest.current.labels || {}).load_error || error.message});
      },
    );
    return () => {
      cancelled = true;
      if (controller.current) controller.current.destroy();
      controller.current = null;
    };
  }, []);

  React.useEffect(() => {
    if (controller.current) controller.current.update(props);
  });

  const rootStyle = {position: 'relative', width: '100%', height: '480px', ...(style || {})};
  const overlay = status.ready
    ? null
    : React.createElement(
        'div',
        {className: status.error ? 'lokus-map__loading lokus-map__loading--error' : 'lokus-map__loading', role: 'status'},
        status.error || loadingText || 'Memuat peta…',
      );
  return React.createElement(
    'div',
    {
      id: domId,
      className: className ? `lokus-map ${className}` : 'lokus-map',
      style: rootStyle,
      'data-ready': status.ready ? 'true' : 'false',
      'aria-busy': status.ready ? 'false' : 'true',
    },
    React.createElement('div', {ref: mapElement, className: 'lokus-map__canvas'}),
    overlay,
  );
}

window[NAMESPACE] = Object.assign(window[NAMESPACE] || {}, {LokusMap});
