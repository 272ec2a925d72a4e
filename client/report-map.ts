// "Report a problem": the map of the first step. A click (or "Use my location") drops the pin;
// the pin's point fills the form that leads to the confirm step. Without JavaScript the page
// offers the postcode or place search instead, and this never runs.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import iconRetinaUrl from 'leaflet/dist/images/marker-icon-2x.png';
import iconUrl from 'leaflet/dist/images/marker-icon.png';
import shadowUrl from 'leaflet/dist/images/marker-shadow.png';

L.Icon.Default.imagePath = '';
L.Icon.Default.mergeOptions({ iconUrl, iconRetinaUrl, shadowUrl });

function setUp(element: HTMLElement): void {
  const { tileUrl, attribution, bounds } = element.dataset;
  const status = document.getElementById('report-map-status');
  const lat = document.getElementById('pin-lat') as HTMLInputElement | null;
  const lon = document.getElementById('pin-lon') as HTMLInputElement | null;
  const button = document.getElementById('report-here') as HTMLButtonElement | null;
  const locateButton = document.getElementById('report-locate') as HTMLButtonElement | null;
  if (!tileUrl || !lat || !lon || !button) return;
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const map = L.map(element, {
    scrollWheelZoom: false,
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
  }).setView([53.5, -2.4], 9);
  L.tileLayer(tileUrl, { attribution: attribution ?? '', maxZoom: 19 }).addTo(map);
  const box = (bounds ?? '').split(',').map(Number);
  if (box.length === 4 && box.every(Number.isFinite)) {
    const [west = 0, south = 0, east = 0, north = 0] = box;
    map.fitBounds([
      [south, west],
      [north, east],
    ]);
  }
  let marker: L.Marker | null = null;

  const pin = (at: L.LatLng, note: string) => {
    if (marker) marker.setLatLng(at);
    else marker = L.marker(at, { keyboard: false }).addTo(map);
    lat.value = at.lat.toFixed(6);
    lon.value = at.lng.toFixed(6);
    button.disabled = false;
    button.removeAttribute('aria-disabled');
    button.classList.remove('govuk-button--disabled');
    if (status) {
      status.textContent = `${note} Pin at ${at.lat.toFixed(5)}, ${at.lng.toFixed(5)}. Select “Report a problem here” to go on, or select another spot.`;
    }
  };

  map.on('click', (event: L.LeafletMouseEvent) => {
    pin(event.latlng, 'Pin dropped.');
  });

  if (locateButton) {
    if (!('geolocation' in navigator)) locateButton.hidden = true;
    locateButton.addEventListener('click', () => {
      if (status) status.textContent = 'Finding your location…';
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const at = L.latLng(position.coords.latitude, position.coords.longitude);
          map.setView(at, 17, { animate: !still });
          pin(at, 'Pin at your location.');
        },
        () => {
          if (status) {
            status.textContent =
              'Your location could not be found. Select the spot on the map, or search for a postcode or place.';
          }
        },
        { enableHighAccuracy: true, timeout: 15_000 },
      );
    });
  }
}

const element = document.getElementById('report-map');
if (element) setUp(element);
