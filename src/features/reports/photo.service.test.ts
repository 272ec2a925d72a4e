import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cameraPhoto, hasGps } from '../../../test/helpers/report-journey.js';
import { imageKindOf, processPhoto, processPhotos } from './photo.service.js';

describe('photos', () => {
  it('the test photo really carries GPS and orientation', async () => {
    const meta = await sharp(await cameraPhoto()).metadata();
    expect(meta.exif?.toString('latin1')).toContain('PhoneCo');
    expect(hasGps(meta.exif)).toBe(true);
    expect(meta.orientation).toBe(6);
  });

  it('are kept upright, at most 1600 px, with no EXIF or GPS left', async () => {
    const out = await processPhoto('jpeg', await cameraPhoto());
    const meta = await sharp(out.jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    // Turned upright: the long side is now the height.
    expect([meta.width, meta.height]).toEqual([800, 1600]);
    expect([out.width, out.height]).toEqual([800, 1600]);
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(out.jpeg.includes(Buffer.from('PhoneCo'))).toBe(false);
    expect(out.jpeg.includes(Buffer.from('GPS'))).toBe(false);
  });

  it('are told apart by their bytes, not their names', async () => {
    const png = await sharp({
      create: { width: 4, height: 4, channels: 4, background: '#ff000080' },
    })
      .png()
      .toBuffer();
    expect(imageKindOf(png)).toBe('png');
    expect(imageKindOf(await cameraPhoto())).toBe('jpeg');
    // An iPhone's HEIC begins with an ISO box "ftyp" and the brand "heic".
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic', 'latin1')]);
    expect(imageKindOf(heic)).toBe('heic');
    expect(imageKindOf(Buffer.from('GIF89a...'))).toBeNull();
    expect(imageKindOf(Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('refuses fakes, damaged images and oversized files, naming each', async () => {
    const { photos, errors } = await processPhotos(
      [
        { fileName: 'notes.jpg', bytes: Buffer.from('just some text'), truncated: false },
        {
          fileName: 'broken.jpg',
          bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]),
          truncated: false,
        },
        { fileName: 'huge.jpg', bytes: await cameraPhoto(), truncated: true },
      ],
      1_000_000,
    );
    expect(photos).toEqual([]);
    expect(errors).toEqual([
      {
        field: 'photos',
        message:
          'The photo “notes.jpg” is not a photo: choose a JPEG, PNG or HEIC image. ' +
          'The photo “broken.jpg” could not be read as an image: it may be damaged; choose another. ' +
          'The photo “huge.jpg” must be smaller than 1.0 MB.',
      },
    ]);
  });

  it('turns a transparent PNG into a JPEG on white', async () => {
    const png = await sharp({
      create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const out = await processPhoto('png', png);
    const { data } = await sharp(out.jpeg).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(240);
  });
});
