import { describe, expect, it } from 'vitest';
import { sparklineSvg } from './sparkline.js';

describe('the sparkline', () => {
  it('draws the series from bottom-left to top-right when it rises, and escapes its title', () => {
    const svg = sparklineSvg(
      [
        { date: '2024-01-01', value: 1 },
        { date: '2024-04-01', value: 3 },
      ],
      'Fibre <&> "5G"',
    );
    expect(svg).toContain('points="3.0,29.0 117.0,3.0"');
    expect(svg).toContain('<title>Fibre &lt;&amp;&gt; &quot;5G&quot;</title>');
  });

  it('is an empty image without data', () => {
    expect(sparklineSvg([], 'x')).not.toContain('polyline');
  });
});
