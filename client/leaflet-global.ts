// Leaflet.markercluster extends a global `L` when it loads, so Leaflet is put there first (in
// its own module: imports run in order). The ES module namespace is frozen, hence the copy.
import * as Leaflet from 'leaflet';

export const L: typeof Leaflet = { ...Leaflet };
(globalThis as unknown as { L: typeof Leaflet }).L = L;
