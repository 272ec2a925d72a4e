// The map page: the resource's rows as GeoJSON from the query API, paged by cursor up to a
// limit; points clustered, lines and polygons drawn, each with a popup of its row. Tiles and
// their attribution come from the page (the site's configuration).
import { L } from './leaflet-global.js';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { popupContent } from './map-popup.js';

// Bundled icons have hashed names, so Leaflet is told where they are rather than guessing.
L.Icon.Default.imagePath = '';
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });

interface Page extends FeatureCollection {
  total: number;
  next_cursor: string | null;
}

async function* features(url: string, max: number): AsyncGenerator<Page> {
  let next: string | null = url;
  let seen = 0;
  while (next && seen < max) {
    const response = await fetch(next, { headers: { accept: 'application/geo+json' } });
    if (!response.ok)
      throw new Error(`The map's data could not be loaded (${String(response.status)})`);
    const page = (await response.json()) as Page;
    seen += page.features.length;
    yield page;
    next = page.next_cursor ? `${url}&cursor=${encodeURIComponent(page.next_cursor)}` : null;
  }
}

async function draw(element: HTMLElement): Promise<void> {
  const { geojsonUrl, tileUrl, attribution, maxFeatures } = element.dataset;
  // What the points are, for the status line (a dataset's rows, reports).
  const noun = element.dataset.noun ?? 'rows';
  const status = document.getElementById('map-status');
  if (!geojsonUrl || !tileUrl) return;
  // Respect a visitor's wish for less motion (WCAG 2.3.3): no zoom or cluster animations.
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = L.map(element, {
    scrollWheelZoom: false,
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
  }).setView([53.5, -2.4], 9);
  L.tileLayer(tileUrl, { attribution: attribution ?? '', maxZoom: 19 }).addTo(map);
  // A wide cluster radius keeps cluster icons from overlapping, so each stays a whole
  // 40px target (WCAG 2.5.8).
  const points = L.markerClusterGroup({
    chunkedLoading: true,
    maxClusterRadius: 120,
    animate: !still,
  }).addTo(map);
  const shapes = L.featureGroup().addTo(map);
  let shown = 0;
  let total = 0;
  for await (const page of features(geojsonUrl, Number(maxFeatures ?? 20_000))) {
    total = page.total;
    const markers: L.Layer[] = [];
    // Rows without a place have a null geometry, whatever the GeoJSON types say.
    for (const feature of page.features as Feature<Geometry | null>[]) {
      if (!feature.geometry) continue;
      const popup = () => popupContent(feature.properties);
      if (feature.geometry.type === 'Point') {
        const [lon = 0, lat = 0] = feature.geometry.coordinates;
        markers.push(L.marker([lat, lon]).bindPopup(popup));
      } else {
        L.geoJSON(feature, { style: { color: '#1d70b8', weight: 2 } })
          .bindPopup(popup)
          .addTo(shapes);
      }
      shown += 1;
    }
    points.addLayers(markers);
  }
  const bounds = points.getBounds().extend(shapes.getBounds());
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 16 });
  if (status) {
    status.textContent =
      shown < total
        ? `Showing ${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} ${noun}.`
        : `Showing ${shown.toLocaleString('en-GB')} ${noun}.`;
  }
}

const element = document.getElementById('map');
if (element) {
  draw(element).catch((err: unknown) => {
    const status = document.getElementById('map-status');
    if (status)
      status.textContent = err instanceof Error ? err.message : 'The map could not be drawn.';
  });
}
