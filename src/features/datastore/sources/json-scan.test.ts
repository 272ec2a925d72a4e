import { describe, expect, it } from 'vitest';
import { JsonRecordScanner, parseExact } from './json-scan.js';

/** Feeds the text in pieces of every size from 1 up, so records cross chunk boundaries. */
function scanInPieces(text: string, size: number, arrayKey: string | null) {
  const scanner = new JsonRecordScanner(arrayKey);
  const records: unknown[] = [];
  for (let i = 0; i < text.length; i += size)
    records.push(...scanner.push(text.slice(i, i + size)));
  scanner.end();
  return { records, members: scanner.members };
}

describe('JsonRecordScanner', () => {
  it('finds the records of a top-level array, however the text is cut', () => {
    const text = ' [ {"a": "x,}]\\"{"}, {"b": [1, {"c": 2}]} ,{} ] ';
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(scanInPieces(text, size, null).records).toEqual([
        { a: 'x,}]"{' },
        { b: [1, { c: 2 }] },
        {},
      ]);
    }
  });

  it('streams the features of a collection and keeps its other members', () => {
    const text =
      '\uFEFF{"type": "FeatureCollection", "name": "w", "features": [{"id": 1}, {"id": 2}], "crs": {"x": [1]}, "n": 3}';
    for (const size of [1, 5, 1000]) {
      const { records, members } = scanInPieces(text, size, 'features');
      expect(records).toEqual([{ id: 1 }, { id: 2 }]);
      expect(members).toEqual({ type: 'FeatureCollection', name: 'w', crs: { x: [1] }, n: 3 });
    }
  });

  it('refuses what is not an array of objects, or is cut short', () => {
    expect(() => scanInPieces('[{"a": 1}, 2]', 100, null)).toThrow(/Record 2 is not a JSON object/);
    expect(() => scanInPieces('[{"a": 1}', 100, null)).toThrow(/ends before the JSON does/);
    expect(() => scanInPieces('[{"a": 1}] x', 100, null)).toThrow(/more text after its end/);
    expect(() => scanInPieces('nope', 100, null)).toThrow(/not valid JSON/);
    expect(() => scanInPieces('   ', 100, null)).toThrow(/The file is empty/);
    const refuse = new JsonRecordScanner(null, { object: 'not an array' });
    expect(() => refuse.push('{"a": 1}')).toThrow('not an array');
  });
});

describe('parseExact', () => {
  it('keeps integers too long for a double as text, and leaves the rest alone', () => {
    expect(
      parseExact(
        '{"id": 123456789012345678, "x": 1.12345678901234567, "s": "12345678901234567", "e": 1e20}',
      ),
    ).toEqual({
      id: '123456789012345678',
      x: Number('1.12345678901234567'),
      s: '12345678901234567',
      e: 1e20,
    });
  });
});
