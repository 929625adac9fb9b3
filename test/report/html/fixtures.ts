import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ComparisonResults, Results } from '../../../src/metrics/results.js';

/** Fixture results (hand-made, not simulator output): see fixtures/make-fixtures.mjs. */
export const FIXTURES = join(__dirname, 'fixtures');

export function runFixture(): Results {
  return JSON.parse(readFileSync(join(FIXTURES, 'run-results.json'), 'utf8')) as Results;
}

export function comparisonFixture(): ComparisonResults {
  return JSON.parse(readFileSync(join(FIXTURES, 'comparison-results.json'), 'utf8')) as ComparisonResults;
}

/** Real `callsim run --format json` output (see fixtures/README.md). */
export function realRunFixture(): Results {
  return JSON.parse(readFileSync(join(FIXTURES, 'real-run-results.json'), 'utf8')) as Results;
}

/** Real `callsim compare --format json` output (see fixtures/README.md). */
export function realComparisonFixture(): ComparisonResults {
  return JSON.parse(readFileSync(join(FIXTURES, 'real-comparison-results.json'), 'utf8')) as ComparisonResults;
}

/** The figures of a page: chart id -> the figure's HTML. */
export function figures(html: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of html.matchAll(/<figure class="chart[^"]*" data-chart="([^"]+)"[\s\S]*?<\/figure>/g)) map.set(m[1], m[0]);
  return map;
}

/** Every absolute URL in the page that is not an XML namespace declaration. */
export function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/(\s[\w:-]+\s*=\s*["']|url\(\s*["']?|@import\s+["']?)?(https?:|\/\/)[^"'\s)]*/gi)) {
    if (/^\s*xmlns(:\w+)?\s*=/i.test(m[1] ?? '')) continue;
    found.push(m[0].trim());
  }
  return found;
}
