import { describe, expect, it } from 'vitest';
import { parseCsvLine } from './csv-line.js';
import { detectLayout } from './postcode-layouts.js';

describe('a postcode file line', () => {
  it('splits quoted and bare fields, keeping commas and doubled quotes inside quotes', () => {
    expect(parseCsvLine('"M1  1AE",10,384740,"a, b","say ""hi""",')).toEqual([
      'M1  1AE',
      '10',
      '384740',
      'a, b',
      'say "hi"',
      '',
    ]);
    expect(parseCsvLine('"M1 1AE,10')).toBeNull();
  });

  it('tells the layouts apart by the first line', () => {
    expect(detectLayout('\uFEFF"pcd","pcds","lat","long"')?.source).toBe('ONSPD');
    expect(
      detectLayout('"AB101AA",10,394251,806376,"S92000003","","","","S12000033","S13002842"'),
    ).toMatchObject({ source: 'Code-Point Open', header: false, fields: 10 });
    expect(detectLayout('PC,PQ,EA,NO,CY,RH,LH,CC,DC,WC')).toMatchObject({ header: true });
    expect(detectLayout('postcode,latitude,longitude')).toBeNull();
    expect(detectLayout('')).toBeNull();
  });
});
