// The benchmark corpus generator: every report it writes is valid and
// canonical by the project's own checks, realistic in size, in both formats,
// with English companions for about a third, and the same seed gives the
// same bytes.

import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateCorpus, type GenerateResult } from '../../bench/generate.ts';
import { Registry } from '../../schemas/agency.ts';
import { validateFiles } from '../../src/check/validate-files.ts';
import { reportFiles } from '../../src/cli/files.ts';
import { formatReport } from '../../src/edit/canonicalise.ts';
import type { ReportResult } from '../../src/report.ts';
import { tryFastBlocks } from '../../src/parse/fast-blocks.ts';
import { referenceParse } from '../../src/parse/reference.ts';

const N = 30;
const root = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
const corpus = join(root, 'seed-1');

/** Every file under `dir`, by its path relative to `dir`, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

let result: GenerateResult;
let files: string[];
let results: ReportResult[];

beforeAll(async () => {
  result = await generateCorpus({ reports: N, seed: 1, out: corpus });
  files = await reportFiles([join(corpus, 'reports')]);
  results = await validateFiles(files, { rules: {} });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generateCorpus', () => {
  it('writes N reports across N/5 agencies, each with 5 consecutive years in 2019–2025', () => {
    expect(result.files).toBe(N);
    expect(files).toHaveLength(N);
    expect(result.agencies).toBe(N / 5);
    const bySlug = new Map<string, number[]>();
    for (const file of files) {
      const [slug, name] = relative(join(corpus, 'reports'), file).split('/');
      expect(name).toMatch(/^20(19|2[0-5])\.md$/);
      bySlug.set(slug!, [...(bySlug.get(slug!) ?? []), Number(name!.slice(0, 4))]);
    }
    expect(bySlug.size).toBe(N / 5);
    for (const years of bySlug.values()) {
      expect(years).toHaveLength(5);
      expect(years.every((y, i) => i === 0 || y === years[i - 1]! + 1)).toBe(true);
    }
  });

  it('writes an agencies.yaml valid against the registry schema, naming every report’s agency', () => {
    const registry = Registry.parse(parseYaml(readFileSync(join(corpus, 'agencies.yaml'), 'utf8')));
    expect(registry).toHaveLength(N / 5);
    const names = new Map(registry.map((a) => [a.slug, a.name.zh]));
    for (const r of results) {
      const slug = relative(join(corpus, 'reports'), r.file).split('/')[0]!;
      expect(names.get(slug)).toBe(r.report!.agency);
      expect(r.recognised!.metadata.frontMatter!.agencySlug).toBe(slug);
    }
  });

  it('every report validates across the whole set with no errors and no warnings', () => {
    const problems = results.flatMap((r) => r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.file}: ${d.rule} ${d.message.en}`));
    expect(problems).toEqual([]);
    // Not even the information-level heuristic: documents in force continue from year to year.
    expect(results.flatMap((r) => r.diagnostics.filter((d) => d.rule === 'in-force-continuity'))).toEqual([]);
    for (const r of results) {
      expect(r.report!.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(r.report!.tables.table2 && r.report!.tables.table3 && r.report!.tables.table4).toBeTruthy();
    }
  });

  it('carries each agency’s requests over from one year to the next, and states figures that match its tables', () => {
    const byAgency = new Map<string, ReportResult[]>();
    for (const r of results) byAgency.set(r.report!.agency!, [...(byAgency.get(r.report!.agency!) ?? []), r]);
    let pairs = 0;
    for (const series of byAgency.values()) {
      series.sort((a, b) => a.report!.year! - b.report!.year!);
      for (let i = 1; i < series.length; i++) {
        const before = series[i - 1]!.report!.tables.table3!.rows.find((row) => row.key === 'carriedForward')!.values;
        const now = series[i]!.report!.tables.table3!.rows.find((row) => row.key === 'carriedOver')!.values;
        expect(now).toEqual(before);
        pairs++;
      }
    }
    expect(pairs).toBe(N - N / 5);
    // The narrative states the number of requests received, and it is table 三's.
    const stated = results.filter((r) => /共(?:收到|办理)政府信息公开申请\d+件/.test(r.text!));
    expect(stated.length).toBeGreaterThan(N / 2);
  });

  it('fmt leaves every file unchanged', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(formatReport(text, file).text, file).toBe(text);
    }
  });

  it('every report and companion parses on the line-based path, to the reference tree', () => {
    const all = [...files, ...files.map((f) => f.replace(/\.md$/, '.en.md')).filter((f) => { try { return statSync(f).isFile(); } catch { return false; } })];
    expect(all.length).toBeGreaterThan(files.length);
    for (const file of all) {
      const text = readFileSync(file, 'utf8');
      expect(tryFastBlocks(text), file).toStrictEqual(referenceParse(text));
    }
  });

  it('reports are about 12 KB each on average, within 8–16 KB', () => {
    const sizes = files.map((f) => statSync(f).size);
    const average = sizes.reduce((a, s) => a + s, 0) / sizes.length;
    expect(average).toBeGreaterThanOrEqual(8 * 1024);
    expect(average).toBeLessThanOrEqual(16 * 1024);
    expect(Math.min(...sizes)).toBeGreaterThan(4 * 1024);
  });

  it('uses both formats: the 2019 layout for 2019–2020 and the 2021 layout (or a hybrid) from 2021', () => {
    const formats = new Set(results.map((r) => r.report!.format));
    expect(formats).toContain('2019');
    expect(formats).toContain('2021');
    for (const r of results) {
      const declared = r.recognised!.metadata.frontMatter!.format;
      expect(declared).toBe(r.report!.format);
      if (r.report!.year! <= 2020) expect(r.report!.format).toBe('2019');
      else expect(['2021', 'hybrid']).toContain(r.report!.format);
    }
  });

  it('writes English companions for about a third of the reports, each matching its report', () => {
    const companions = files.map((f) => f.replace(/\.md$/, '.en.md')).filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
    expect(result.companions).toBe(companions.length);
    expect(companions.length).toBe(N / 3);
    for (const companion of companions) {
      const text = readFileSync(companion, 'utf8');
      const year = companion.match(/(\d{4})\.en\.md$/)![1];
      expect(text.startsWith(`---\ntranslationOf: ${year}.md\n`)).toBe(true);
      expect(text).toMatch(/\n# \S/);
      expect(text.match(/^## .+$/gm)).toEqual([
        '## I. Overall situation',
        '## II. Proactive disclosure of government information',
        '## III. Requests for disclosure received and handled',
        '## IV. Administrative reconsideration and litigation',
        '## V. Main problems and improvements',
        '## VI. Other matters to report',
      ]);
    }
    // validateFiles checked each against its report: no translation-structure warnings.
    expect(results.flatMap((r) => r.diagnostics.filter((d) => d.rule === 'translation-structure'))).toEqual([]);
  });

  it('gives identical bytes for the same seed, and different ones for another seed', async () => {
    const again = join(root, 'seed-1-again');
    const other = join(root, 'seed-2');
    await generateCorpus({ reports: N, seed: 1, out: again });
    await generateCorpus({ reports: N, seed: 2, out: other });
    const first = snapshot(corpus);
    const second = snapshot(again);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, bytes] of first) expect(second.get(path)!.equals(bytes), path).toBe(true);
    const third = snapshot(other);
    const same = [...third].every(([path, bytes]) => first.get(path)?.equals(bytes));
    expect(same).toBe(false);
  });

  it('regenerates into a folder it wrote, and refuses one it did not', async () => {
    const out = join(root, 'regenerate');
    await generateCorpus({ reports: 10, seed: 3, out });
    await generateCorpus({ reports: 5, seed: 3, out });
    expect(await reportFiles([join(out, 'reports')])).toHaveLength(5);
    await expect(generateCorpus({ reports: 5, out: join(corpus, 'reports') })).rejects.toThrow(/refusing/);
  });
});
