// Nunjucks' Frame.set with each name split once (src/site/frame-set.ts) is
// nunjucks' own in what it renders: loops of every kind, and every report
// and agency page of the seed and of a generated corpus, in both languages.

import { afterEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nunjucks from 'nunjucks';
import { generateCorpus } from '../../bench/generate.ts';
import { useFrameSet } from '../../src/site/frame-set.ts';
import { pageRenderer } from '../../src/site/render-pages.ts';
import { buildSite, loadPublished } from '../../src/site/site-data.ts';
import { siteEnvironment } from '../../src/site/templates.ts';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

afterEach(() => useFrameSet('split-once'));

/** What `render` gives with nunjucks' Frame.set, then with this one. */
function bothWays(render: () => string[]): { nunjucks: string[]; splitOnce: string[] } {
  useFrameSet('nunjucks');
  const own = render();
  useFrameSet('split-once');
  return { nunjucks: own, splitOnce: render() };
}

const LOOPS = [
  '{% for x in xs %}{{ loop.index }}/{{ loop.index0 }}/{{ loop.revindex }}/{{ loop.revindex0 }}/{{ loop.first }}/{{ loop.last }}/{{ loop.length }}:{{ x }} {% endfor %}',
  '{% for k, v in obj %}{{ k }}={{ v }}{% if not loop.last %}&{% endif %}{% endfor %}',
  '{% for a, b in pairs %}[{{ a }},{{ b }}|{{ loop.index }}]{% endfor %}',
  '{% for row in rows %}{% for cell in row %}{{ loop.index }}{{ cell }}{% endfor %}({{ loop.index }}){% endfor %}',
  '{% set total = 0 %}{% for x in xs %}{% set total = total + x %}{% set last = x %}{% endfor %}{{ total }} {{ last }}',
  '{% for x in [] %}{{ x }}{% else %}none{% endfor %}{% for x in xs %}{% if loop.first %}first{% elif loop.last %}last{% endif %}{% endfor %}',
  '{% macro list(items) %}{% for i in items %}<li>{{ loop.index }}{{ i }}</li>{% endfor %}{% endmacro %}{{ list(xs) }}{{ list(["<b>", "&"]) }}',
  '{% set loop = "outer" %}{% for x in xs %}{{ loop.index }}{% endfor %}{{ loop }}',
];
const CONTEXT = { xs: [3, 1, 4, 1, 5], obj: { a: 1, b: 'two', c: null }, pairs: [[1, 2], ['x', 'y']], rows: [[1, 2], [3], []] };

it('renders loops of every kind as nunjucks does', () => {
  const environment = new nunjucks.Environment(null, { autoescape: true });
  const { nunjucks: own, splitOnce } = bothWays(() => LOOPS.map((t) => environment.renderString(t, CONTEXT)));
  expect(own.every((html) => html.length > 0)).toBe(true);
  expect(splitOnce).toEqual(own);
});

async function bulkPages(content: string): Promise<string[]> {
  const { published } = await loadPublished(content, { rules: {} });
  const site = buildSite(published, '{}');
  const pages = site.pages.filter((p) => p.kind === 'report' || p.kind === 'agency');
  siteEnvironment(); // made as the build makes it
  const { nunjucks: own, splitOnce } = bothWays(() => {
    const render = pageRenderer();
    return pages.map((p) => render(p));
  });
  expect(splitOnce).toEqual(own);
  return own;
}

it("renders the seed's report and agency pages as nunjucks does", async () => {
  const pages = await bulkPages(CONTENT);
  expect(pages.length).toBe(4); // the report and its agency, in two languages
  expect(pages.some((html) => html.includes('class="other-years"') || html.includes('class="report-list"'))).toBe(true);
});

it("renders a generated corpus's report and agency pages as nunjucks does", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-frame-set-'));
  try {
    await generateCorpus({ reports: 12, seed: 5, out: dir });
    const pages = await bulkPages(dir);
    // Several years of an agency: the pages' loops over other years and reports turn more than once.
    expect(pages.some((html) => html.includes('class="other-years"'))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
