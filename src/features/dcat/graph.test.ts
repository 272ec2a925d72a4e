import { describe, expect, it } from 'vitest';
import { Graph, safeIri } from './graph.js';

describe('IRIs from what publishers typed', () => {
  it('keeps http(s) and mailto URLs, encoding what an IRI cannot hold', () => {
    expect(safeIri('https://example.org/a b?q={x}|y')).toBe(
      'https://example.org/a%20b?q=%7Bx%7D%7Cy',
    );
    expect(safeIri('mailto:data@example.org')).toBe('mailto:data@example.org');
  });

  it('refuses other schemes and what is not a URL', () => {
    expect(safeIri('javascript:alert(1)')).toBeNull();
    expect(safeIri('/relative')).toBeNull();
    expect(safeIri(null)).toBeNull();
  });
});

describe('a graph', () => {
  it('holds each statement once, grouped by subject', () => {
    const g = new Graph();
    g.link('https://e.org/a', 'https://e.org/p', 'https://e.org/b');
    g.text('https://e.org/b', 'https://e.org/name', 'B', 'en');
    g.link('https://e.org/a', 'https://e.org/p', 'https://e.org/b');
    g.text('https://e.org/a', 'https://e.org/name', 'A');
    expect(g.quads.map((q) => `${q.subject.value} ${q.object.value}`)).toEqual([
      'https://e.org/a https://e.org/b',
      'https://e.org/a A',
      'https://e.org/b B',
    ]);
  });
});
