// The lazily loaded part of the component: MapLibre GL JS and the map controller (see LokusMap.js).

import {Map as MapLibreMap, setWorkerUrl} from 'maplibre-gl';

import {LokusMapController} from './controller.js';

window.__lokusMapCore = {
  setWorkerUrl,
  createMap: (container, props, callbacks) => new LokusMapController(container, props, callbacks),
  // MapLibre itself, for the benchmark's plain feature-state page (benchmarks/bench_map.py): the same build.
  MapLibreMap,
};
