import type { Box } from './geometry.js';

// The region's extent in words a person can use: degrees north/south and east/west, to 3
// decimals (about 100 m), the way a map's grid is read.

const ns = (lat: number) => `${Math.abs(lat).toFixed(3)}°${lat < 0 ? 'S' : 'N'}`;
const ew = (lon: number) => `${Math.abs(lon).toFixed(3)}°${lon < 0 ? 'W' : 'E'}`;

export interface Extent {
  min_latitude: number;
  min_longitude: number;
  max_latitude: number;
  max_longitude: number;
}

export const extentOf = ([minLon, minLat, maxLon, maxLat]: Box): Extent => ({
  min_latitude: minLat,
  min_longitude: minLon,
  max_latitude: maxLat,
  max_longitude: maxLon,
});

export function extentInWords(regionName: string, e: Extent): string {
  return (
    `${regionName} lies between latitudes ${ns(e.min_latitude)} and ${ns(e.max_latitude)} ` +
    `and longitudes ${ew(e.min_longitude)} and ${ew(e.max_longitude)}`
  );
}
