// Builds the component into the Python package (dashboard/components/lokus_map/), where Dash serves it from:
//   lokus_map.min.js                 the React component and a loader (on every page; React is Dash's window.React)
//   lokus_map_core.min.js            MapLibre GL JS and the map controller, fetched when a map first mounts
//   maplibre-gl-worker.js            MapLibre's web worker, copied from the npm package
//   lokus_map.min.css                MapLibre's CSS and the component's
// The loader asks for the core and the worker under a fingerprint made of their content hash
// (name.v1m<hash>.ext), which Dash strips and answers with a one-year cache.

import {createHash} from 'node:crypto';
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dashboard', 'components', 'lokus_map');
mkdirSync(out, {recursive: true});

// LOKUS_NO_MINIFY=1 node build.mjs: readable output for profiling (do not commit it).
const common = {
  bundle: true,
  minify: !process.env.LOKUS_NO_MINIFY,
  target: ['es2020'],
  legalComments: 'eof',
  logLevel: 'warning',
};
const hash = (path) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
const fingerprinted = (name, path) => {
  const dot = name.indexOf('.');
  return `${name.slice(0, dot)}.v1m${hash(path)}${name.slice(dot)}`;
};

// MapLibre's worker as published (one self-contained module); the source-map comment is dropped, the map is not shipped.
const worker = readFileSync(join(here, 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs'), 'utf8');
writeFileSync(join(out, 'maplibre-gl-worker.js'), worker.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'));

await esbuild.build({
  ...common,
  entryPoints: [join(here, 'src', 'core.js')],
  outfile: join(out, 'lokus_map_core.min.js'),
  format: 'iife',
  // MapLibre only reads import.meta.url to find its worker, which setWorkerUrl has set already.
  define: {'import.meta.url': 'undefined'},
});

await esbuild.build({
  ...common,
  entryPoints: [join(here, 'src', 'LokusMap.js')],
  outfile: join(out, 'lokus_map.min.js'),
  format: 'iife',
  define: {
    __LOKUS_CORE_FILE__: JSON.stringify(fingerprinted('lokus_map_core.min.js', join(out, 'lokus_map_core.min.js'))),
    __LOKUS_WORKER_FILE__: JSON.stringify(fingerprinted('maplibre-gl-worker.js', join(out, 'maplibre-gl-worker.js'))),
  },
});

await esbuild.build({
  ...common,
  entryPoints: [join(here, 'src', 'lokus_map.css')],
  outfile: join(out, 'lokus_map.min.css'),
  loader: {'.css': 'css'},
});

console.log(`built into ${out}`);
