import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatNumber, renderMarkdown } from './filters.js';

describe('page filters', () => {
  it('renders Markdown without letting HTML or script links through', () => {
    const html = renderMarkdown(
      '# Notes\n\n<script>alert(1)</script> [ok](https://example.org) [x](javascript:alert(1))',
    );
    expect(html).toContain('<h2 class="govuk-heading-s">Notes</h2>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://example.org" class="govuk-link">ok</a>');
    expect(html).not.toContain('href="javascript:');
  });

  it('formats numbers, sizes and dates the GOV.UK way', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatBytes(1_500_000)).toBe('1.5 MB');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatDate('2026-11-27T15:52:00Z')).toBe('27 November 2026');
    expect(formatDate('2026-07-01T14:05:00Z', true)).toBe('1 July 2026 at 3:05pm');
  });
});
