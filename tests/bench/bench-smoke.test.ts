// The benchmark runs end to end at a small size: a smoke test with no
// timing assertions (timings belong in bench/).

import { expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const KEYS = ['reports', 'pages', 'baseline_s', 'cold_build_s', 'search_s', 'warm_build_s', 'edit_s', 'cold_validate_s', 'warm_validate_s', 'peak_mb', 'parse_ms_per_report', 'parse_plain_ms_per_report', 'preview_edit_s', 'node_peak_mb'];

it('npm run bench -- --reports 50 --runs 2 measures every step and writes its results', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const results = join(dir, 'results.json');
  const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'bench', '--', '--reports', '50', '--runs', '2', '--work', join(dir, 'work'), '--results', results], { cwd: join(import.meta.dirname, '..', '..') });
  const json = JSON.parse(readFileSync(results, 'utf8')) as Record<string, number> & { node_peak_mb_by_step: Record<string, number>; baseline_runs_s: number[]; cold_build_runs_s: number[] };
  // The baseline and the cold build twice each, in turn: their medians (of two, the mean) are what the table shows.
  expect(json.runs).toBe(2);
  expect(json.baseline_runs_s).toHaveLength(2);
  expect(json.cold_build_runs_s).toHaveLength(2);
  expect(json.baseline_s).toBeCloseTo((json.baseline_runs_s[0]! + json.baseline_runs_s[1]!) / 2, 6);
  expect(json.cold_build_s).toBeCloseTo((json.cold_build_runs_s[0]! + json.cold_build_runs_s[1]!) / 2, 6);
  expect(stdout).toContain('medians of 2 runs');
  for (const key of KEYS) expect(json[key], key).toBeGreaterThan(0);
  // The peak by step, of which the overall one is the largest.
  const steps = json.node_peak_mb_by_step;
  expect(Object.keys(steps).sort()).toEqual(['cold_build', 'cold_validate', 'edit', 'warm_build', 'warm_validate']);
  for (const [step, mb] of Object.entries(steps)) expect(mb, step).toBeGreaterThan(0);
  expect(json.node_peak_mb).toBe(Math.max(...Object.values(steps)));
  expect(json.reports).toBe(50);
  // Two languages: at least two pages a report, besides the agency, year and other pages.
  expect(json.pages).toBeGreaterThan(2 * 50);
  expect(stdout).toContain('| cold build (no search index) |');
}, 600_000);
