import proj4 from 'proj4';

// British National Grid (OSGB36 Transverse Mercator), as the EPSG registry defines EPSG:27700,
// with the seven-parameter Helmert shift to WGS 84. Without +towgs84 proj4 would treat the
// Airy ellipsoid's datum as WGS 84 and every point would land ~100 m off; with it, within a few
// metres (OSTN15 would give centimetres, which a postcode centroid does not need).
const EPSG_27700 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs +type=crs';

const toWgs84 = proj4(EPSG_27700, 'EPSG:4326');

/** WGS 84 latitude and longitude (degrees, 6 decimals, ~0.1 m) of OS grid eastings/northings. */
export function osgbToWgs84(
  easting: number,
  northing: number,
): { latitude: number; longitude: number } {
  const [longitude, latitude] = toWgs84.forward([easting, northing]);
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;
