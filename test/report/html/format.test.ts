import { describe, expect, it } from 'vitest';
import { escapeHtml, formatDifference, formatHalfWidth, formatValue } from '../../../src/report/html/format.js';

describe('formatting', () => {
  it('ratios as percentages, half-widths and differences in percentage points', () => {
    expect(formatValue(0.8976, 'ratio')).toBe('89.8%');
    expect(formatHalfWidth(0.0012, 'ratio')).toBe('± 0.1 pp');
    expect(formatHalfWidth(0.0002, 'ratio')).toBe('± 0.02 pp');
    expect(formatHalfWidth(0.004, 'ratio')).toBe('± 0.4 pp');
    expect(formatDifference(-0.0451, 'ratio')).toBe('−4.5 pp');
    expect(formatDifference(0.021, 'ratio')).toBe('+2.1 pp');
  });

  it('counts with separators, missing values as a dash, HTML escaped', () => {
    expect(formatValue(216000, 'calls')).toBe('216,000');
    expect(formatValue(null, 'calls')).toBe('–');
    expect(formatValue(Number.NaN, 'seconds')).toBe('–');
    expect(escapeHtml('<a href="x">&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });
});
