import { FqSyntaxError, tokenise, type Token } from './fq-tokens.js';

// The filter query as a tree. Space between clauses is AND (CKAN sends `q.op=AND`); a field
// may be given one value, a quoted phrase, a range or a parenthesised group of values
// (`res_format:(CSV OR JSON)`); a bare word outside a field is refused, since here fq filters
// fields and `q` is the place for free text.

export type FqNode =
  | { type: 'and' | 'or'; items: FqNode[] }
  | { type: 'not'; item: FqNode }
  | { type: 'all' }
  | { type: 'term'; field: string; value: string; quoted: boolean }
  | {
      type: 'range';
      field: string;
      from: string;
      to: string;
      fromIncluded: boolean;
      toIncluded: boolean;
    };

export { FqSyntaxError };

const one = (items: FqNode[]): FqNode | undefined => (items.length === 1 ? items[0] : undefined);

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private next(): Token {
    const t = this.tokens[this.at++];
    if (!t) throw new FqSyntaxError('the query ends too early');
    return t;
  }

  private close(): void {
    if (this.peek()?.kind !== ')') throw new FqSyntaxError('a parenthesis is not closed');
    this.at++;
  }

  parse(): FqNode {
    if (this.tokens.length === 0) return { type: 'all' };
    const node = this.or(null);
    const rest = this.peek();
    if (rest) throw new FqSyntaxError(`unexpected ${describe(rest)}`);
    return node;
  }

  /** `field` is set inside `field:( ... )`, where bare words are that field's values. */
  private or(field: string | null): FqNode {
    const items = [this.and(field)];
    while (this.peek()?.kind === 'OR') {
      this.at++;
      items.push(this.and(field));
    }
    return one(items) ?? { type: 'or', items };
  }

  private and(field: string | null): FqNode {
    const items = [this.unary(field)];
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === ')' || t.kind === 'OR') break;
      if (t.kind === 'AND') this.at++;
      items.push(this.unary(field));
    }
    return one(items) ?? { type: 'and', items };
  }

  private unary(field: string | null): FqNode {
    const t = this.peek();
    if (t?.kind === '-' || t?.kind === 'NOT') {
      this.at++;
      return { type: 'not', item: this.unary(field) };
    }
    if (t?.kind === '+') {
      this.at++;
      return this.unary(field);
    }
    return this.primary(field);
  }

  private primary(field: string | null): FqNode {
    const t = this.next();
    switch (t.kind) {
      case '(': {
        const node = this.or(field);
        this.close();
        return node;
      }
      case 'field': {
        if (field !== null) throw new FqSyntaxError(`a field inside ${field}:( ... )`);
        return this.value(t.name);
      }
      case 'word':
        if (field !== null) return { type: 'term', field, value: t.text, quoted: t.quoted };
        if (t.text === '*:*') return { type: 'all' };
        throw new FqSyntaxError(
          `"${t.text}" has no field: write field:value (free text goes in q)`,
        );
      default:
        throw new FqSyntaxError(`unexpected ${describe(t)}`);
    }
  }

  private value(field: string): FqNode {
    const t = this.next();
    if (t.kind === 'word') return { type: 'term', field, value: t.text, quoted: t.quoted };
    if (t.kind === 'range') {
      const { from, to, fromIncluded, toIncluded } = t;
      return { type: 'range', field, from, to, fromIncluded, toIncluded };
    }
    if (t.kind === '(') {
      const node = this.or(field);
      this.close();
      return node;
    }
    throw new FqSyntaxError(`${field}: has no value`);
  }
}

function describe(t: Token): string {
  if (t.kind === 'field') return `"${t.name}:"`;
  if (t.kind === 'word') return `"${t.text}"`;
  if (t.kind === 'range') return 'range';
  return `"${t.kind}"`;
}

/** Parses an fq; throws FqSyntaxError saying what it could not understand. */
export function parseFq(input: string): FqNode {
  // `*:*` is one word to the tokeniser only if we keep it whole: Solr's "everything".
  const all = input.replace(/(^|[\s(])\*:\*(?=$|[\s)])/g, '$1"*:*"');
  return new Parser(tokenise(all)).parse();
}
