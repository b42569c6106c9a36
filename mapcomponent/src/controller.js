// The map behind the React component: one MapLibre map per component, recoloured through feature-state.
//
// Geometry is added once per GeoJSON URL (or vector-tile template); a new `classes` value only calls setFeatureState
// for the villages whose class changed, keyed by the village code (promoteId), so nothing is re-uploaded or re-tiled.
// A large region adds an overview (kabupaten, say) drawn from its own classes below a zoom, villages from it on.

import {AttributionControl, Map as MapLibreMap} from 'maplibre-gl';

import {NO_DATA, decodeClasses, markBits, markState, MARKS} from './classes.js';
import {composeExport} from './exportImage.js';
import {
  BASEMAP,
  CLASS_HATCH_LAYER,
  FILL,
  HATCH,
  HATCH_LAYER,
  KECAMATAN_SOURCE,
  MARK_STYLES,
  OVERVIEW_FILL,
  OVERVIEW_LINE,
  OVERVIEW_SOURCE,
  SOURCE,
  baseStyle,
  classHatchOpacity,
  basemapLayer,
  basemapSource,
  fillColour,
  fillOpacity,
  hatchImage,
  kecamatanLayer,
  markLayer,
  overviewLayers,
  villageLayers,
} from './style.js';

// Bottom to top, after the background and any basemap; a layer absent from the map is skipped.
const LAYER_ORDER = [OVERVIEW_FILL, FILL, CLASS_HATCH_LAYER, HATCH_LAYER, 'kecamatan-line', OVERVIEW_LINE, ...MARKS.map(markLayer)];
const DEFAULT_TILE_LAYER = 'desa';

export const DEFAULT_LABELS = {
  map: 'Peta desa',
  zoom_in: 'Perbesar',
  zoom_out: 'Perkecil',
  reset_view: 'Kembalikan tampilan',
  download_png: 'Unduh sebagai gambar PNG',
  load_error: 'Peta tidak dapat dimuat.',
  no_webgl: 'Peramban ini tidak dapat menggambar peta (WebGL tidak tersedia).',
  mark_unreliable: 'Kurang andal',
  mark_flagged: 'Ditandai',
  mark_added: 'Ditambahkan manual',
  mark_selected: 'Dipilih',
  gesture_window: 'Tekan Ctrl sambil menggulir untuk memperbesar peta',
  gesture_mac: 'Tekan ⌘ sambil menggulir untuk memperbesar peta',
  gesture_mobile: 'Geser peta dengan dua jari',
};

const DEFAULT_NO_DATA = '#d9d9d9';
const INDONESIA = {center: [118, -2.5], zoom: 3.5};
const PADDING = 16;

// The user's view per (component id, view_revision), kept for this page's life: a component re-mounted with the
// same revision (a tab switched back) opens where the user left it, as plotly's uirevision does.
const savedViews = new Map();

const ICONS = {
  reset_view:
    '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true"><path d="M4 8V4h4M16 8V4h-4M4 12v4h4M16 12v4h-4" ' +
    'fill="none" stroke="#333" stroke-width="1.8"/></svg>',
  download_png:
    '<svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true"><path d="M10 3v9M6 8.5l4 4 4-4M4 15.5h12" ' +
    'fill="none" stroke="#333" stroke-width="1.8"/></svg>',
};

// Where the villages' layers come from: a vector-tile layer, and the zoom from which they replace the overview.
function villagePlace(props) {
  return {
    sourceLayer: props.tiles_url ? props.tiles_layer || DEFAULT_TILE_LAYER : undefined,
    minzoom: props.overview_geojson_url && props.overview_maxzoom != null ? props.overview_maxzoom : undefined,
  };
}

// Applies a new base64 `classes` value to one source's feature-state, touching only the features whose class
// changed; `held` is {codes, cls, value} as last applied, and is updated.
function applyClasses(held, codes, value, setState) {
  const decoded = decodeClasses(value);
  if (decoded.length !== codes.length && value) {
    console.warn(`LokusMap: ${decoded.length} classes for ${codes.length} codes`);
  }
  const next = new Uint8Array(codes.length).fill(NO_DATA);
  next.set(decoded.subarray(0, codes.length));
  const old = held.cls;
  for (let i = 0; i < codes.length; i += 1) {
    if (i >= old.length || next[i] !== old[i]) setState(codes[i], {cls: next[i]});
  }
  held.cls = next;
  held.value = value;
}

function sameList(a, b) {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function validBounds(bounds) {
  return Array.isArray(bounds) && bounds.length === 4 && bounds.every((v) => Number.isFinite(v));
}

function toLngLatBounds(bounds) {
  return [
    [bounds[0], bounds[1]],
    [bounds[2], bounds[3]],
  ];
}

function absolute(url) {
  return new URL(url, document.baseURI).href;
}

// A tile template made absolute; URL() escapes its {z}/{x}/{y}, which MapLibre must find as written.
function absoluteTemplate(url) {
  return absolute(url).replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

function viewKey(domId, revision) {
  return revision == null ? null : `${domId}\u0000${JSON.stringify(revision)}`;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Zoom, reset and download buttons with titles from `labels`, so they speak the UI's language and change with it.
class Controls {
  constructor(actions) {
    this.actions = actions;
    this.buttons = {};
  }

  onAdd() {
    this.element = document.createElement('div');
    this.element.className = 'maplibregl-ctrl maplibregl-ctrl-group lokus-map__controls';
    const specs = [
      ['zoom_in', 'maplibregl-ctrl-zoom-in', null],
      ['zoom_out', 'maplibregl-ctrl-zoom-out', null],
      ['reset_view', 'lokus-map__reset', ICONS.reset_view],
      ['download_png', 'lokus-map__download', ICONS.download_png],
    ];
    for (const [key, className, icon] of specs) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = className;
      const span = document.createElement('span');
      span.className = icon ? 'lokus-map__icon' : 'maplibregl-ctrl-icon';
      span.setAttribute('aria-hidden', 'true');
      if (icon) span.innerHTML = icon;
      button.appendChild(span);
      button.addEventListener('click', (event) => this.actions[key](event));
      this.element.appendChild(button);
      this.buttons[key] = button;
    }
    return this.element;
  }

  onRemove() {
    this.element.remove();
  }

  setLabels(labels) {
    for (const [key, button] of Object.entries(this.buttons)) {
      button.title = labels[key];
      button.setAttribute('aria-label', labels[key]);
    }
  }
}

export class LokusMapController {
  constructor(container, props, {setProps, onStatus, domId}) {
    this.container = container;
    this.root = container.parentNode;
    this.props = props;
    this.setProps = setProps;
    this.onStatus = onStatus;
    this.domId = domId;
    this.forgetStates();
    this.loaded = false;
    this.ready = false;
    this.loadFailed = false;
    this.waiters = [];
    this.lastExport = props.export_request;
    this.styleTileUrl = props.tile_url; // the basemap the style was built with
    this.destroyed = false;

    const labels = this.labels();
    const saved = savedViews.get(viewKey(domId, props.view_revision));
    const options = {
      container,
      style: baseStyle(props.tile_url, props.tile_attribution),
      attributionControl: false,
      maplibreLogo: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      renderWorldCopies: false,
      locale: {
        'Map.Title': labels.map,
        'CooperativeGesturesHandler.WindowsHelpText': labels.gesture_window,
        'CooperativeGesturesHandler.MacHelpText': labels.gesture_mac,
        'CooperativeGesturesHandler.MobileHelpText': labels.gesture_mobile,
      },
      // On a phone page that scrolls, one finger scrolls the page and two move the map (Ctrl + wheel zooms).
      cooperativeGestures: Boolean(props.cooperative_gestures),
      fitBoundsOptions: {padding: PADDING},
    };
    this.userMoved = Boolean(saved);
    if (saved) Object.assign(options, saved);
    else if (validBounds(props.bounds)) options.bounds = toLngLatBounds(props.bounds);
    else Object.assign(options, INDONESIA);

    try {
      this.map = new MapLibreMap(options);
    } catch (error) {
      console.warn('LokusMap: cannot create the map', error);
      this.onStatus({ready: false, error: labels.no_webgl});
      this.map = null;
      return;
    }
    const map = this.map;
    map.touchZoomRotate.disableRotation();
    map.keyboard.disableRotation();
    this.controls = new Controls({
      // The click as originalEvent marks the move as the user's (see moved()).
      zoom_in: (event) => map.zoomIn({}, {originalEvent: event}),
      zoom_out: (event) => map.zoomOut({}, {originalEvent: event}),
      reset_view: () => this.fit(),
      download_png: () => this.download(),
    });
    map.addControl(this.controls, 'top-right');
    this.controls.setLabels(labels);
    this.setAttribution(props);

    this.tooltip = document.createElement('div');
    this.tooltip.className = 'lokus-map__tooltip';
    this.tooltip.hidden = true;
    this.root.appendChild(this.tooltip);
    this.printImage = document.createElement('img');
    this.printImage.className = 'lokus-map__print';
    this.printImage.alt = labels.map;
    this.root.appendChild(this.printImage);

    this.hook = {
      map,
      setDataCalls: 0,
      featureStateCalls: 0,
      exports: 0,
      ready: false,
      pixelAt: (lng, lat) => this.pixelAt(lng, lat),
    };
    window.__lokusMaps = window.__lokusMaps || {};
    window.__lokusMaps[domId] = this.hook;

    map.on('error', (event) => this.failed(event));
    map.on('moveend', (event) => this.moved(event));
    // A tooltip belongs to the place under the pointer: a move (a drill-down's zoom, a reset) takes it away.
    map.on('movestart', () => {
      this.tooltip.hidden = true;
    });
    map.on('idle', () => this.settled());
    map.on('load', () => this.loadedStyle());

    this.resizer = new ResizeObserver(() => this.resized());
    this.resizer.observe(container);
    this.beforePrint = () => this.snapshotForPrint();
    this.afterPrint = () => this.printImage.removeAttribute('src');
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
  }

  labels(props = this.props) {
    return {...DEFAULT_LABELS, ...(props.labels || {})};
  }

  // --- life cycle -------------------------------------------------------------------------------------------

  loadedStyle() {
    const map = this.map;
    map.addImage(HATCH, hatchImage());
    this.loaded = true;
    const props = this.props;
    if (props.tile_url !== this.styleTileUrl) this.setBasemap(props);
    this.setKecamatan(props.kecamatan_geojson_url);
    this.setOverview(props);
    this.setVillages(props);
    this.syncStates(props);
  }

  update(props) {
    const previous = this.props;
    this.props = props;
    if (!this.map || this.destroyed) return;
    const labels = this.labels(props);
    if (props.labels !== previous.labels) {
      this.controls.setLabels(labels);
      this.map.getCanvas().setAttribute('aria-label', labels.map);
      this.printImage.alt = labels.map;
    }
    if (this.loaded) {
      if (props.tile_url !== previous.tile_url || props.tile_attribution !== previous.tile_attribution) {
        this.setBasemap(props);
      }
      const changed = (...keys) => keys.some((key) => props[key] !== previous[key]);
      const villagesCame = !(props.geojson_url || props.tiles_url) !== !(previous.geojson_url || previous.tiles_url);
      if (changed('overview_geojson_url', 'overview_maxzoom') || villagesCame) this.setOverview(props);
      if (changed('geojson_url', 'tiles_url', 'tiles_layer', 'tiles_minzoom', 'tiles_maxzoom', 'overview_maxzoom') ||
          (props.overview_geojson_url == null) !== (previous.overview_geojson_url == null)) {
        this.setVillages(props);
      }
      if (changed('kecamatan_geojson_url')) this.setKecamatan(props.kecamatan_geojson_url);
      if (!sameList(props.hatched_classes, previous.hatched_classes) && this.map.getLayer(CLASS_HATCH_LAYER)) {
        const hatched = props.hatched_classes || [];
        this.map.setPaintProperty(CLASS_HATCH_LAYER, 'fill-opacity', classHatchOpacity(hatched));
        this.map.setLayoutProperty(CLASS_HATCH_LAYER, 'visibility', hatched.length ? 'visible' : 'none');
      }
      if (!sameList(props.palette, previous.palette) || changed('no_data_colour')) {
        const colour = fillColour(props.palette, props.no_data_colour || DEFAULT_NO_DATA);
        for (const layer of [FILL, OVERVIEW_FILL]) {
          if (this.map.getLayer(layer)) this.map.setPaintProperty(layer, 'fill-color', colour);
        }
      }
      this.syncStates(props);
    }
    this.syncView(props, previous);
    if (props.export_request !== this.lastExport) {
      this.lastExport = props.export_request;
      if (props.export_request != null) {
        this.exportPng().then(
          (url) => this.setProps({export_png: url}),
          (error) => console.warn('LokusMap: export failed', error),
        );
      }
    }
  }

  destroy() {
    this.destroyed = true;
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    if (this.resizer) this.resizer.disconnect();
    if (this.tooltip) this.tooltip.remove();
    if (this.printImage) this.printImage.remove();
    if (window.__lokusMaps && window.__lokusMaps[this.domId] === this.hook) delete window.__lokusMaps[this.domId];
    if (this.map) this.map.remove();
    this.map = null;
  }

  // What the map's feature-state holds, as last applied (forgotten with the source).
  forgetStates() {
    this.codes = [];
    this.held = {cls: new Uint8Array(0), value: undefined};
    this.marks = new Map();
    this.marksValue = undefined;
    this.shownMarks = 0; // the bits of the marks whose layers are visible
    this.hovered = null;
  }

  forgetOverview() {
    this.overview = {codes: [], cls: new Uint8Array(0), value: undefined};
    if (this.hovered && this.hovered.source === OVERVIEW_SOURCE) this.hovered = null;
  }

  // --- readiness --------------------------------------------------------------------------------------------

  setReady(ready, error = null) {
    this.ready = ready;
    if (this.hook) this.hook.ready = ready;
    this.onStatus({ready, error});
    if (ready) {
      const waiters = this.waiters;
      this.waiters = [];
      waiters.forEach((resolve) => resolve());
    }
  }

  whenReady() {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  settled() {
    // Ready once the style is loaded, the villages and overview (if any) are loaded and the first classes drawn.
    if (this.ready || !this.loaded || this.loadFailed) return;
    for (const source of [SOURCE, OVERVIEW_SOURCE]) {
      if (this.map.getSource(source) && !this.map.isSourceLoaded(source)) return;
    }
    this.setReady(true);
  }

  failed(event) {
    const error = event && event.error;
    console.warn('LokusMap:', error && error.message ? error.message : error);
    const ours = event && (event.sourceId === SOURCE || event.sourceId === OVERVIEW_SOURCE);
    if (!this.ready && event && (ours || !this.loaded)) {
      this.loadFailed = true; // until another URL: the source counts as loaded, but there is nothing to show
      this.onStatus({ready: false, error: this.labels().load_error});
    }
  }

  // --- sources ----------------------------------------------------------------------------------------------

  setBasemap(props) {
    const map = this.map;
    if (map.getLayer(BASEMAP)) map.removeLayer(BASEMAP);
    if (map.getSource(BASEMAP)) map.removeSource(BASEMAP);
    if (props.tile_url) {
      map.addSource(BASEMAP, basemapSource(props.tile_url, props.tile_attribution));
      map.addLayer(basemapLayer(), map.getLayer(FILL) ? FILL : undefined);
    }
    if (map.getLayer(FILL)) map.setPaintProperty(FILL, 'fill-opacity', fillOpacity(props.tile_url));
    this.setAttribution(props);
  }

  setAttribution(props) {
    if (this.attribution) {
      this.map.removeControl(this.attribution);
      this.attribution = null;
    }
    if (props.tile_url) {
      // Only with a configured basemap: no link to anywhere otherwise (offline default).
      this.attribution = new AttributionControl({compact: true, customAttribution: props.tile_attribution || ''});
      this.map.addControl(this.attribution, 'bottom-right');
    }
  }

  setVillages(props) {
    const map = this.map;
    const url = props.geojson_url;
    const tiles = props.tiles_url;
    const where = villagePlace(props);
    const key = JSON.stringify([tiles || null, props.tiles_minzoom, props.tiles_maxzoom, where]);
    let source = map.getSource(SOURCE);
    if (source && (key !== this.villageKey || (!url && !tiles))) {
      for (const layer of villageLayers([], DEFAULT_NO_DATA, null)) map.removeLayer(layer.id);
      map.removeSource(SOURCE);
      source = null;
      this.forgetStates();
    }
    this.villageKey = key;
    this.sourceLayer = where.sourceLayer;
    if (!url && !tiles) {
      this.forgetStates();
      this.settled();
      return;
    }
    this.loadFailed = false;
    this.setReady(false);
    if (source) {
      // A new boundary version: the only time geometry goes to the map again.
      source.setData(absolute(url));
      return;
    }
    if (tiles) {
      // Tiles carry each village's code as a property; promoteId makes it the feature-state id, as for GeoJSON.
      map.addSource(SOURCE, {
        type: 'vector',
        tiles: [absoluteTemplate(tiles)],
        minzoom: props.tiles_minzoom != null ? props.tiles_minzoom : 7,
        maxzoom: props.tiles_maxzoom != null ? props.tiles_maxzoom : 12,
        promoteId: 'code',
      });
    } else {
      map.addSource(SOURCE, {type: 'geojson', data: absolute(url), promoteId: 'code'});
      const added = map.getSource(SOURCE);
      const setData = added.setData.bind(added);
      added.setData = (...args) => {
        this.hook.setDataCalls += 1;
        return setData(...args);
      };
    }
    const layers = villageLayers(props.palette, props.no_data_colour || DEFAULT_NO_DATA, props.tile_url,
      {...where, hatched: props.hatched_classes});
    for (const layer of layers) {
      map.addLayer(layer);
    }
    this.forgetStates();
    this.orderLayers();
    this.listen(FILL);
  }

  setOverview(props) {
    const map = this.map;
    for (const id of [OVERVIEW_FILL, OVERVIEW_LINE]) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(OVERVIEW_SOURCE)) map.removeSource(OVERVIEW_SOURCE);
    this.forgetOverview();
    const url = props.overview_geojson_url;
    if (!url) return;
    this.loadFailed = false;
    this.setReady(false);
    map.addSource(OVERVIEW_SOURCE, {type: 'geojson', data: absolute(url), promoteId: 'code'});
    const noData = props.no_data_colour || DEFAULT_NO_DATA;
    // The overview gives way to the villages from overview_maxzoom on, when there are villages to give way to.
    const until = props.geojson_url || props.tiles_url ? props.overview_maxzoom : undefined;
    for (const layer of overviewLayers(props.palette, noData, props.tile_url, until)) map.addLayer(layer);
    this.orderLayers();
    this.listen(OVERVIEW_FILL);
  }

  orderLayers() {
    for (const id of LAYER_ORDER) if (this.map.getLayer(id)) this.map.moveLayer(id);
  }

  listen(layer) {
    this.listening = this.listening || new Set();
    if (this.listening.has(layer)) return;
    this.listening.add(layer);
    this.map.on('mousemove', layer, (event) => this.hover(event));
    this.map.on('mouseleave', layer, () => this.hover(null));
    this.map.on('click', layer, (event) => this.click(event));
  }

  setKecamatan(url) {
    const map = this.map;
    if (map.getLayer('kecamatan-line')) map.removeLayer('kecamatan-line');
    if (map.getSource(KECAMATAN_SOURCE)) map.removeSource(KECAMATAN_SOURCE);
    if (!url) return;
    map.addSource(KECAMATAN_SOURCE, {type: 'geojson', data: absolute(url)});
    map.addLayer(kecamatanLayer()); // above the villages, below the marks
    this.orderLayers();
  }

  // --- feature-state: classes and marks -----------------------------------------------------------------------

  setState(code, state) {
    this.map.setFeatureState({source: SOURCE, sourceLayer: this.sourceLayer, id: code}, state);
    this.hook.featureStateCalls += 1;
  }

  setOverviewState(code, state) {
    this.map.setFeatureState({source: OVERVIEW_SOURCE, id: code}, state);
    this.hook.featureStateCalls += 1;
  }

  syncStates(props) {
    this.syncOverview(props);
    if (!this.map.getSource(SOURCE)) return;
    const codes = props.codes || [];
    const codesChanged = !sameList(codes, this.codes);
    if (codesChanged) {
      this.map.removeFeatureState({source: SOURCE, sourceLayer: this.sourceLayer});
      const shown = this.shownMarks;
      this.forgetStates();
      this.shownMarks = shown; // the layers keep their visibility
      this.codes = codes.slice();
    }
    if (codesChanged || props.classes !== this.held.value) {
      applyClasses(this.held, codes, props.classes, (code, state) => this.setState(code, state));
    }
    if (codesChanged || props.marks !== this.marksValue) {
      const next = markBits(props.marks);
      const old = this.marks;
      let used = 0;
      for (const code of new Set([...old.keys(), ...next.keys()])) {
        const bits = next.get(code) || 0;
        used |= bits;
        if ((old.get(code) || 0) !== bits) this.setState(code, markState(bits));
      }
      this.marks = next;
      this.marksValue = props.marks;
      this.showMarks(used);
    }
  }

  syncOverview(props) {
    if (!this.map.getSource(OVERVIEW_SOURCE)) return;
    const codes = props.overview_codes || [];
    const held = this.overview;
    if (!sameList(codes, held.codes)) {
      this.map.removeFeatureState({source: OVERVIEW_SOURCE});
      this.forgetOverview();
      this.overview.codes = codes.slice();
    } else if (props.overview_classes === held.value) {
      return;
    }
    applyClasses(this.overview, codes, props.overview_classes, (code, state) => this.setOverviewState(code, state));
  }

  showMarks(used) {
    // A mark's layer is shown only while some village has that mark (see style.js: hidden layers cost nothing).
    MARKS.forEach((name, index) => {
      const bit = 1 << index;
      if ((used & bit) === (this.shownMarks & bit)) return;
      const visibility = used & bit ? 'visible' : 'none';
      this.map.setLayoutProperty(markLayer(name), 'visibility', visibility);
      if (name === 'added') this.map.setLayoutProperty(HATCH_LAYER, 'visibility', visibility);
    });
    this.shownMarks = used;
  }

  // --- hover and click ----------------------------------------------------------------------------------------

  hover(event) {
    const feature = event && event.features && event.features[0];
    const code = feature ? feature.properties.code : null;
    const source = feature ? feature.source : null;
    const was = this.hovered;
    if (!was || was.code !== code || was.source !== source) {
      if (was) this.hoverState(was.source, was.code, false);
      if (code != null) this.hoverState(source, code, true);
      this.hovered = code != null ? {code, source} : null;
    }
    this.map.getCanvas().style.cursor = code != null ? 'pointer' : '';
    if (code == null) {
      this.tooltip.hidden = true;
      return;
    }
    const texts = (source === OVERVIEW_SOURCE ? this.props.overview_hover_text : this.props.hover_text) || {};
    this.tooltip.textContent = texts[code] != null ? texts[code] : feature.properties.name || code;
    this.tooltip.hidden = false;
    const width = this.root.clientWidth;
    const x = Math.min(event.point.x + 14, Math.max(0, width - this.tooltip.offsetWidth - 4));
    this.tooltip.style.left = `${x}px`;
    this.tooltip.style.top = `${event.point.y + 14}px`;
  }

  hoverState(source, code, on) {
    if (!this.map.getSource(source)) return; // a source replaced since
    if (source === OVERVIEW_SOURCE) this.setOverviewState(code, {hover: on});
    else this.setState(code, {hover: on});
  }

  click(event) {
    const feature = event.features && event.features[0];
    if (!feature) return;
    // Both layers answer a click where both are drawn: the villages (drawn above) win.
    if (feature.source === OVERVIEW_SOURCE && this.map.getLayer(FILL) && this.map.getZoom() >= this.villagesFrom()) {
      return;
    }
    this.setProps({
      click_code: feature.properties.code,
      click_layer: feature.source === OVERVIEW_SOURCE ? 'overview' : 'villages',
      click_timestamp: Date.now(),
    });
  }

  villagesFrom() {
    const layer = this.map.getLayer(FILL);
    return layer && layer.minzoom != null ? layer.minzoom : 0;
  }

  // --- view ---------------------------------------------------------------------------------------------------

  fit() {
    const bounds = this.props.bounds;
    if (validBounds(bounds)) this.map.fitBounds(toLngLatBounds(bounds), {padding: PADDING, animate: false});
    this.userMoved = false;
  }

  syncView(props, previous) {
    const revised = props.fit_revision !== previous.fit_revision || props.view_revision !== previous.view_revision;
    const boundsChanged = !sameList(props.bounds, previous.bounds);
    // Like uirevision: while view_revision stays the same, new bounds leave the user's view alone.
    if (revised || (boundsChanged && props.view_revision == null)) this.fit();
  }

  moved(event) {
    if (event && event.originalEvent) this.userMoved = true;
    const key = viewKey(this.domId, this.props.view_revision);
    if (key != null && this.userMoved) {
      const center = this.map.getCenter();
      savedViews.set(key, {center: [center.lng, center.lat], zoom: this.map.getZoom()});
    }
  }

  resized() {
    if (!this.map) return;
    this.map.resize();
    // A map first laid out in a hidden or collapsed container fits again once it has a size.
    if (!this.userMoved) this.fit();
  }

  // --- images: export, download, print ------------------------------------------------------------------------

  markLegend() {
    const used = new Set();
    for (const bits of this.marks.values()) {
      MARKS.forEach((name, index) => {
        if (bits & (1 << index)) used.add(name);
      });
    }
    const labels = this.labels();
    return MARKS.filter((name) => used.has(name)).map((name) => [MARK_STYLES[name], labels[`mark_${name}`]]);
  }

  async exportPng() {
    await this.whenReady();
    const props = this.props;
    this.map.redraw(); // draws now, so the canvas holds this frame while we copy it
    const url = composeExport(this.map.getCanvas(), {
      title: props.export_title,
      legend: props.export_legend,
      markLegend: this.markLegend(),
      source: props.export_source,
      date: props.export_date != null ? props.export_date : today(),
      mark: props.export_mark,
      bivariate: props.bivariate,
      palette: props.palette,
      ratio: this.map.getPixelRatio(),
    });
    this.hook.exports += 1;
    return url;
  }

  download() {
    this.exportPng().then(
      (url) => {
        const link = document.createElement('a');
        link.href = url;
        link.download = this.props.export_filename || 'peta.png';
        link.click();
      },
      (error) => console.warn('LokusMap: download failed', error),
    );
  }

  snapshotForPrint() {
    // A WebGL canvas may print blank: print a still image of it instead (see the component's CSS).
    if (!this.map) return;
    this.map.redraw();
    this.printImage.src = this.map.getCanvas().toDataURL('image/png');
  }

  pixelAt(lng, lat) {
    const point = this.map.project([lng, lat]);
    const ratio = this.map.getPixelRatio();
    this.map.redraw();
    const probe = document.createElement('canvas');
    probe.width = 1;
    probe.height = 1;
    const ctx = probe.getContext('2d');
    ctx.drawImage(this.map.getCanvas(), Math.round(point.x * ratio), Math.round(point.y * ratio), 1, 1, 0, 0, 1, 1);
    return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }
}
