import { SourceError } from './source.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
const opens = (c: number) => c === 0x7b || c === 0x5b; // { [
const closes = (c: number) => c === 0x7d || c === 0x5d; // } ]

/**
 * JSON.parse, except that integers of 16 digits or more (ids, UPRNs) are kept as text:
 * as numbers they would silently lose their last digits.
 */
export function parseExact(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  return JSON.parse(
    text.replace(/"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])/g, (all, n?: string) =>
      n === undefined ? all : `"${n}"`,
    ),
  );
}

/**
 * Finds the records of a large JSON document chunk by chunk, so only one record is in memory
 * at a time: the items of a top-level array, or of the array member `arrayKey` of a top-level
 * object (a GeoJSON FeatureCollection's `features`). Each item is parsed with JSON.parse on its
 * own; the other members of the top-level object are kept in `members`.
 */
export class JsonRecordScanner {
  top: 'array' | 'object' | null = null;
  readonly members: Record<string, unknown> = {};
  items = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private done = false;
  private streaming = false; // inside the array of records
  private arrayDepth = 0;
  private expectKey = false;
  private afterColon = false;
  private key = '';
  /** What the marked text is: a key, a record, or a member's value. */
  private capture: 'key' | 'item' | 'member' | null = null;
  private pieces: string[] = [];
  private mark = 0;

  /**
   * @param refuse messages for a top-level value of the wrong kind (a JSON object where an
   * array of records is expected, or the reverse).
   */
  constructor(
    private readonly arrayKey: string | null,
    private readonly refuse: { array?: string; object?: string } = {},
  ) {}

  /** Scans the next piece of text and returns the records completed in it. */
  push(text: string): unknown[] {
    const out: unknown[] = [];
    this.mark = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.capture === 'key') this.key = String(this.take(text, i + 1));
        }
        continue;
      }
      if (this.capture === 'item' || this.capture === 'member') {
        if (this.capture === 'member' && this.depth === 1 && (c === 0x2c || c === 0x7d)) {
          this.members[this.key] = this.take(text, i);
        } else {
          if (c === QUOTE) this.inString = true;
          else if (opens(c)) this.depth++;
          else if (closes(c)) this.depth--;
          if (this.capture === 'item' && this.depth === this.arrayDepth)
            out.push(this.take(text, i + 1));
          continue;
        }
      }
      if (!isSpace(c)) this.structural(c, i);
    }
    if (this.capture) {
      this.pieces.push(text.slice(this.mark));
    }
    return out;
  }

  /** The text marked since `begin`, parsed; the mark is cleared. */
  private take(text: string, end: number): unknown {
    const json = this.pieces.join('') + text.slice(this.mark, end);
    const what = this.capture;
    this.pieces = [];
    this.capture = null;
    if (what === 'item') this.items++;
    try {
      return parseExact(json);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const where = what === 'item' ? `record ${this.items}` : `"${this.key}"`;
      throw new SourceError(`The file is not valid JSON: ${where} cannot be read (${why})`);
    }
  }

  private begin(kind: 'key' | 'item' | 'member', at: number): void {
    this.capture = kind;
    this.mark = at;
    this.pieces = [];
  }

  private structural(c: number, i: number): void {
    const ch = String.fromCharCode(c);
    if (this.done)
      throw new SourceError('The file is not valid JSON: there is more text after its end');
    if (this.depth === 0) {
      if (ch !== '[' && ch !== '{') throw new SourceError('The file is not valid JSON');
      const refused = ch === '[' ? this.refuse.array : this.refuse.object;
      if (refused) throw new SourceError(refused);
      this.top = ch === '[' ? 'array' : 'object';
      this.depth = 1;
      this.expectKey = ch === '{';
      this.streaming = ch === '[' && this.arrayKey === null;
      this.arrayDepth = 1;
    } else if (this.streaming && this.depth === this.arrayDepth) {
      if (ch === '{') {
        this.begin('item', i);
        this.depth++;
      } else if (ch === ']') {
        this.streaming = false;
        this.depth--;
        this.done = this.depth === 0;
      } else if (ch !== ',') {
        throw new SourceError(
          `Record ${this.items + 1} is not a JSON object: each record must be {...}`,
        );
      }
    } else if (this.top === 'object' && this.depth === 1) {
      if (ch === '"' && this.expectKey) {
        this.begin('key', i);
        this.inString = true;
        this.expectKey = false;
      } else if (ch === ':') this.afterColon = true;
      else if (ch === ',') this.expectKey = true;
      else if (ch === '}') {
        this.depth = 0;
        this.done = true;
      } else if (this.afterColon && ch === '[' && this.key === this.arrayKey) {
        this.streaming = true;
        this.arrayDepth = 2;
        this.depth = 2;
      } else if (this.afterColon) {
        this.begin('member', i);
        if (ch === '"') this.inString = true;
        else if (opens(c)) this.depth++;
      } else throw new SourceError('The file is not valid JSON');
      if (ch !== ':') this.afterColon = false;
    } else {
      throw new SourceError('The file is not valid JSON');
    }
  }

  /** Call at the end of the file: a document cut short is an error. */
  end(): void {
    if (this.top === null) throw new SourceError('The file is empty');
    if (!this.done || this.inString) {
      throw new SourceError(
        'The file is not valid JSON: it ends before the JSON does (is it cut short?)',
      );
    }
  }
}
