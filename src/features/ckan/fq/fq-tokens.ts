// The tokens of CKAN's filter query (`fq`), the common subset of Solr's syntax that CKAN
// clients send: `field:value`, `field:"quoted value"`, `field:[a TO b]`, `field:(a OR b)`,
// parentheses, `AND`, `OR`, `NOT`, `-` and `+`.

export class FqSyntaxError extends Error {}

export type Token =
  | { kind: '(' | ')' | 'AND' | 'OR' | 'NOT' | '-' | '+' }
  | { kind: 'field'; name: string }
  | { kind: 'word'; text: string; quoted: boolean }
  | { kind: 'range'; from: string; to: string; fromIncluded: boolean; toIncluded: boolean };

const SPECIAL = new Set(['(', ')', '"', '[', ']', '{', '}', ':']);
const isSpace = (c: string) => /\s/.test(c);

function readQuoted(input: string, start: number): { text: string; end: number } {
  let text = '';
  for (let i = start + 1; i < input.length; i++) {
    const c = input[i] ?? '';
    if (c === '\\') {
      text += input[i + 1] ?? '';
      i++;
    } else if (c === '"') {
      return { text, end: i + 1 };
    } else {
      text += c;
    }
  }
  throw new FqSyntaxError('a quoted value is not closed');
}

function readRange(input: string, start: number): { token: Token; end: number } {
  const close = input.slice(start).search(/[\]}]/);
  if (close < 0) throw new FqSyntaxError('a range is not closed');
  const end = start + close;
  const body = input.slice(start + 1, end).trim();
  const parts = body.split(/\s+TO\s+/);
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new FqSyntaxError(`a range must be [from TO to], not ${input.slice(start, end + 1)}`);
  }
  const unquote = (s: string) => s.replace(/^"(.*)"$/, '$1');
  return {
    token: {
      kind: 'range',
      from: unquote(parts[0]),
      to: unquote(parts[1]),
      fromIncluded: input[start] === '[',
      toIncluded: input[end] === ']',
    },
    end: end + 1,
  };
}

/**
 * Reads a bare word: up to a space or a special character (a backslash escapes one). A value
 * right after `field:` may hold colons (`metadata_modified:2024-01-01T00:00:00Z`).
 */
function readWord(input: string, start: number, value: boolean): { text: string; end: number } {
  let text = '';
  let i = start;
  while (i < input.length) {
    const c = input[i] ?? '';
    if (c === '\\') {
      text += input[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (isSpace(c) || (SPECIAL.has(c) && !(value && c === ':'))) break;
    text += c;
    i++;
  }
  return { text, end: i };
}

export function tokenise(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] ?? '';
    if (isSpace(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c });
      i++;
    } else if (c === '"') {
      const { text, end } = readQuoted(input, i);
      tokens.push({ kind: 'word', text, quoted: true });
      i = end;
    } else if (c === '{' && input[i + 1] === '!') {
      throw new FqSyntaxError("Solr's local parameters ({!...}) are not supported here");
    } else if (c === '[' || c === '{') {
      const { token, end } = readRange(input, i);
      tokens.push(token);
      i = end;
    } else if ((c === '-' || c === '+') && i + 1 < input.length && !isSpace(input[i + 1] ?? '')) {
      tokens.push({ kind: c });
      i++;
    } else if (c === '&' && input[i + 1] === '&') {
      tokens.push({ kind: 'AND' });
      i += 2;
    } else if (c === '|' && input[i + 1] === '|') {
      tokens.push({ kind: 'OR' });
      i += 2;
    } else if (c === '!' && i + 1 < input.length) {
      tokens.push({ kind: 'NOT' });
      i++;
    } else if (SPECIAL.has(c)) {
      throw new FqSyntaxError(`unexpected "${c}" at position ${String(i + 1)}`);
    } else {
      const { text, end } = readWord(input, i, tokens.at(-1)?.kind === 'field');
      if (input[end] === ':' && tokens.at(-1)?.kind !== 'field') {
        tokens.push({ kind: 'field', name: text });
        i = end + 1;
      } else if (text === 'AND' || text === 'OR' || text === 'NOT') {
        tokens.push({ kind: text });
        i = end;
      } else {
        tokens.push({ kind: 'word', text, quoted: false });
        i = end;
      }
    }
  }
  return tokens;
}
