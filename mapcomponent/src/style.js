// The map's style: an inline style with no glyphs, sprite or remote source (nothing to download), the village
// layers coloured from feature-state, and the outlines that mark villages.

import {NO_DATA} from './classes.js';

export const SOURCE = 'villages';
export const KECAMATAN_SOURCE = 'kecamatan';
export const OVERVIEW_SOURCE = 'overview';
export const OVERVIEW_FILL = 'overview-fill';
export const OVERVIEW_LINE = 'overview-line';
export const BASEMAP = 'basemap';
export const HATCH = 'lokus-hatch';
export const FILL = 'villages-fill';

// How each mark is drawn (the PNG export's legend draws the same). Each mark layer has a layout of its own (join and
// cap), so MapLibre gives it a bucket of its own, and a hidden one (no village has that mark) costs a recolour nothing.
export const MARK_STYLES = {
  unreliable: {colour: '#212529', width: 2.5, dash: null, layout: {'line-join': 'miter', 'line-cap': 'butt'}},
  added: {colour: '#6f42c1', width: 1.5, dash: [1, 1], hatch: true, layout: {'line-join': 'round', 'line-cap': 'round'}},
  flagged: {colour: '#f76707', width: 2, dash: [2, 1], layout: {'line-join': 'round', 'line-cap': 'butt'}},
  selected: {colour: '#1971c2', width: 3, dash: null, layout: {'line-join': 'bevel', 'line-cap': 'butt'}},
};

export const HATCH_LAYER = 'mark-added-hatch';
export const CLASS_HATCH_LAYER = 'class-hatch';

// The hatch over villages whose class is listed (e.g. values hidden to protect small counts, as the public SVG
// hatches them): opacity 1 for those classes, 0 for the others.
export function classHatchOpacity(classes) {
  if (!classes || classes.length === 0) return 0;
  return ['match', ['to-number', ['coalesce', ['feature-state', 'cls'], NO_DATA]], classes, 1, 0];
}
export const markLayer = (name) => `mark-${name}`;

const whenState = (key) => ['case', ['boolean', ['feature-state', key], false], 1, 0];

export function fillColour(palette, noData) {
  if (!palette || palette.length === 0) return noData;
  const expression = ['match', ['to-number', ['coalesce', ['feature-state', 'cls'], NO_DATA]]];
  palette.forEach((colour, index) => expression.push(index, colour));
  expression.push(noData);
  return expression;
}

export function fillOpacity(tileUrl) {
  return tileUrl ? 0.8 : 1;
}

export function baseStyle(tileUrl, tileAttribution) {
  const style = {
    version: 8,
    sources: {},
    layers: [{id: 'background', type: 'background', paint: {'background-color': '#ffffff'}}],
    transition: {duration: 0, delay: 0},
  };
  if (tileUrl) {
    style.sources[BASEMAP] = basemapSource(tileUrl, tileAttribution);
    style.layers.push(basemapLayer());
  }
  return style;
}

export function basemapSource(tileUrl, tileAttribution) {
  return {type: 'raster', tiles: [tileUrl], tileSize: 256, attribution: tileAttribution || ''};
}

export function basemapLayer() {
  return {id: BASEMAP, type: 'raster', source: BASEMAP};
}

// A recolour costs MapLibre work for every layer of the source whose paint reads feature-state, in proportion to the
// changed villages' vertices. So the village lines and the hover outline are the fill's own outline (no line layer),
// and the marks' layers stay hidden (no bucket) until a village has that mark.
//
// `where` says where the villages come from: `sourceLayer` for vector tiles, and `minzoom` when an overview layer
// (kabupaten, say) is drawn instead of the villages below that zoom.
export function villageLayers(palette, noData, tileUrl, where = {}) {
  const place = (layer) => {
    if (where.sourceLayer) layer['source-layer'] = where.sourceLayer;
    if (where.minzoom != null) layer.minzoom = where.minzoom;
    return layer;
  };
  const marks = Object.entries(MARK_STYLES).map(([name, mark]) => {
    const paint = {'line-color': mark.colour, 'line-width': mark.width, 'line-opacity': whenState(name)};
    if (mark.dash) paint['line-dasharray'] = mark.dash;
    return place({id: markLayer(name), type: 'line', source: SOURCE, layout: {...mark.layout, visibility: 'none'}, paint});
  });
  return [
    place({
      id: FILL,
      type: 'fill',
      source: SOURCE,
      paint: {
        'fill-color': fillColour(palette, noData),
        'fill-opacity': fillOpacity(tileUrl),
        'fill-outline-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#000000', '#ffffff'],
      },
    }),
    place({
      id: CLASS_HATCH_LAYER,
      type: 'fill',
      source: SOURCE,
      layout: {'fill-sort-key': 2, visibility: where.hatched && where.hatched.length ? 'visible' : 'none'},
      paint: {'fill-pattern': HATCH, 'fill-opacity': classHatchOpacity(where.hatched), 'fill-antialias': false},
    }),
    place({
      id: HATCH_LAYER,
      type: 'fill',
      source: SOURCE,
      layout: {'fill-sort-key': 1, visibility: 'none'}, // its own bucket, as the marks' lines
      paint: {'fill-pattern': HATCH, 'fill-opacity': whenState('added'), 'fill-antialias': false},
    }),
    ...marks,
  ];
}

// The zoomed-out map of a large region: larger units (kabupaten of a province, say) filled from their own classes
// below `maxzoom`, and their outlines at every zoom, over the villages once those are drawn.
export function overviewLayers(palette, noData, tileUrl, maxzoom) {
  const fill = {
    id: OVERVIEW_FILL,
    type: 'fill',
    source: OVERVIEW_SOURCE,
    paint: {
      'fill-color': fillColour(palette, noData),
      'fill-opacity': fillOpacity(tileUrl),
      'fill-outline-color': ['case', ['boolean', ['feature-state', 'hover'], false], '#000000', '#ffffff'],
    },
  };
  if (maxzoom != null) fill.maxzoom = maxzoom;
  const line = {
    id: OVERVIEW_LINE,
    type: 'line',
    source: OVERVIEW_SOURCE,
    paint: {'line-color': '#343a40', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 9, 1.8]},
  };
  return [fill, line];
}

export function kecamatanLayer() {
  return {id: 'kecamatan-line', type: 'line', source: KECAMATAN_SOURCE, paint: {'line-color': '#495057', 'line-width': 1.4}};
}

// Thin diagonal lines on transparent: villages added by hand show through the hatching.
export function hatchImage(size = 8) {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if ((x + y) % size === 0 || (x + y + 1) % size === 0) {
        const i = (y * size + x) * 4;
        data.set([73, 80, 87, 200], i);
      }
    }
  }
  return {width: size, height: size, data};
}
