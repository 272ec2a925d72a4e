import { describe, expect, it } from 'vitest';
import { osgbToWgs84 } from './osgb.js';

/** Metres between two WGS 84 points (haversine; plenty at this scale). */
function metres(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe('OS grid (OSGB36, EPSG:27700) to WGS 84', () => {
  it('places SW1A 1AA where the ONS Postcode Directory does, within a few metres', () => {
    // ONSPD: SW1A 1AA, oseast1m 529090, osnrth1m 179645, lat 51.501009, long -0.141588.
    const p = osgbToWgs84(529090, 179645);
    expect(metres(p, { latitude: 51.501009, longitude: -0.141588 })).toBeLessThan(5);
  });

  it('applies the datum shift: the Airy-ellipsoid answer alone would be ~100 m off', () => {
    // OS worked example (Caister water tower): E 651409.903, N 313177.270 is OSGB36
    // 52°39'27.2531"N 1°43'4.5177"E; WGS 84 differs from that by about a hundred metres.
    const osgb36 = { latitude: 52.6575703, longitude: 1.7179216 };
    const d = metres(osgbToWgs84(651409.903, 313177.27), osgb36);
    expect(d).toBeGreaterThan(80);
    expect(d).toBeLessThan(200);
  });
});
