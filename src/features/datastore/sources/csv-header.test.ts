import { describe, expect, it } from 'vitest';
import { parseRecords, shortRowWarnings, splitHeader, type Dialect } from './csv-header.js';

const comma: Dialect = { delimiter: ',', quote: '"', escape: '"', skip: 0, columns: 3 };

describe('parseRecords', () => {
  it('splits quoted fields, doubled quotes and line breaks, counting lines', () => {
    const records = parseRecords('a,"b,1","say ""hi"""\r\n1,"two\nlines",3\n\n4,5\n', comma, true);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b,1', 'say "hi"'] },
      { line: 2, fields: ['1', 'two\nlines', '3'] },
      { line: 4, fields: [''] },
      { line: 5, fields: ['4', '5'] },
    ]);
  });

  it('drops the last record of a sample cut mid-file', () => {
    expect(parseRecords('a,b\n1,2\n3,', comma, false)).toHaveLength(2);
    expect(parseRecords('a,b\n1,2\n3,', comma, true)).toHaveLength(3);
  });

  it('finds the header after skipped and blank lines and warns of short rows', () => {
    const records = parseRecords('title\n\na;b;c\n1;2;3\n4\n', { ...comma, delimiter: ';' }, true);
    const { header, rows } = splitHeader(records, 1);
    expect(header?.fields).toEqual(['a', 'b', 'c']);
    expect(shortRowWarnings(header ?? { line: 0, fields: [] }, rows)).toEqual([
      { line: 5, message: 'line 5 has 1 of the 3 columns: the rest left empty' },
    ]);
  });
});
