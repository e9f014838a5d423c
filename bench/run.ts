// The benchmark: gongkai against plain Eleventy on the same synthetic corpus,
// each step in a fresh process with its wall time and peak memory.
//
//   npm run bench                       # 1,000 reports
//   npm run bench -- --reports 10000    # the full size
//   npm run bench -- --runs 3           # the baseline and the cold build three
//                                       # times each, in turn: their medians
//
// Prints a table and writes bench/results.json (seconds and MiB).

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../src/parse/markdown.ts';
import { generateCorpus } from './generate.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { reports: { type: 'string', default: '1000' }, runs: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, work: { type: 'string' }, results: { type: 'string', default: join(ROOT, 'bench', 'results.json') } } });
const N = Number(values.reports);
/**
 * How many times the baseline and the cold build run, one after the other:
 * on a shared machine one run of either can take 20% more or less than the
 * next (measured here: the same cold build in 44.6–58.7 s within minutes),
 * so one pair's ratio says little; the medians of several pairs, each pair
 * run close together, say more.
 */
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a whole number from 1, not ${values.runs}`);
const work = values.work ?? join(tmpdir(), `gongkai-bench-${N}`);

type Step = { seconds: number; peak_mb: number; stderr: string };

/** Runs a command in a fresh process; the wall time from here, the peak memory from the process itself (or GNU time). */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Step> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn('/usr/bin/time', ['-f', '@@time %M', command, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const kb = Number(/@@time (\d+)/.exec(stderr)?.[1] ?? 0);
      if (code !== 0 && code !== 1) return fail(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
      done({ seconds, peak_mb: kb / 1024, stderr });
    });
  });
}

/**
 * The options Node is started with by `npm run gongkai` (package.json's
 * script: gongkai's runtime settings, such as its young generation's size),
 * so that each step runs gongkai as its users do.
 */
const NODE_OPTIONS_OF_GONGKAI = (() => {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.gongkai!;
  const words = script.split(/\s+/);
  if (words[0] !== 'node') throw new Error(`package.json's gongkai script does not start with node: ${script}`);
  return words.slice(1, words.indexOf('src/cli/gongkai.mjs'));
})();

const gongkai = (args: string[], env: Record<string, string>) => run(process.execPath, [...NODE_OPTIONS_OF_GONGKAI, join(ROOT, 'bench', 'measure.mjs'), ...args], env);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Processor time a process has used so far, in clock ticks (Linux), or null where /proc is not there to tell. */
function cpuTicks(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return null;
  }
}

/** Waits until a process is idle (under 5% of a core over a second, twice running), at least 3 s and at most a minute. */
async function settled(pid: number): Promise<void> {
  await new Promise((r) => setTimeout(r, 3000));
  let quiet = 0;
  for (const start = performance.now(); quiet < 2 && performance.now() - start < 60_000; ) {
    const before = cpuTicks(pid);
    await new Promise((r) => setTimeout(r, 1000));
    const after = cpuTicks(pid);
    if (before === null || after === null) return;
    quiet = after - before < 5 ? quiet + 1 : 0; // 100 ticks a second on Linux
  }
}

/**
 * The preview server (`build --serve`) on the corpus: once it serves, one
 * report is edited, and the time is how long until its page, fetched from the
 * server, shows the edit.
 */
async function previewSeconds(content: string, out: string, env: Record<string, string>, report: string): Promise<number> {
  const server = spawn(process.execPath, [...NODE_OPTIONS_OF_GONGKAI, join(ROOT, 'src', 'cli', 'gongkai.mjs'), 'build', '--serve', '--content', content, '--out', out], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    let log = '';
    server.stderr.on('data', (d) => (log += d));
    while (!log.includes('serving ')) {
      if (server.exitCode !== null) throw new Error(`preview server exited:\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await settled(server.pid!); // the server idle: the editor's steady state, not its start-up
    const [slug, file] = relative(join(content, 'reports'), report).split('/');
    const url = `http://localhost:8080/reports/${slug}/${file!.slice(0, 4)}/`;
    const marker = '预览服务器计时用的一段。';
    const start = performance.now();
    writeFileSync(report, readFileSync(report, 'utf8').replace('## 五、存在的主要问题及改进情况\n', `## 五、存在的主要问题及改进情况\n\n${marker}\n`));
    for (;;) {
      const page = await fetch(url).then((r) => r.text()).catch(() => '');
      if (page.includes(marker)) return (performance.now() - start) / 1000;
      if (performance.now() - start > 120_000) throw new Error(`the edit did not show on the preview server in 120 s:\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    server.kill();
  }
}

/** Milliseconds per report to parse a sample, with gongkai's parser and with remark-parse alone (no GFM). */
function parseTimes(reports: string[]): { gongkai: number; plain: number } {
  const texts = reports.slice(0, 200).map((f) => readFileSync(f, 'utf8'));
  const plain = unified().use(remarkParse);
  const time = (parse: (t: string) => unknown) => {
    for (const t of texts.slice(0, 20)) parse(t); // warm up
    const start = performance.now();
    for (const t of texts) parse(t);
    return (performance.now() - start) / texts.length;
  };
  return { gongkai: time(parseMarkdown), plain: time((t) => plain.runSync(plain.parse(t))) };
}

/** The middle value (the mean of the two middle ones of an even number). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The lower middle value (the middle one of an odd number): always one of `values`. */
function lowerMedian(values: number[]): number {
  return [...values].sort((a, b) => a - b)[(values.length - 1) >> 1]!;
}

/**
 * A folder removed is not free once `rm` returns: on a disk that discards
 * freed blocks (ext4's `discard`, common on virtual machines) the files
 * written in the next tens of seconds are several times slower to make
 * (measured here: 2,667 files of 23 KB, 0.19 s into a new folder, 1.3–1.5 s
 * right after removing others). So nothing is removed before a timed step:
 * a previous run's folder is moved aside and removed once all is measured,
 * and each step that must start cold writes into a folder of its own.
 */
function setAside(folder: string): string | null {
  if (!existsSync(folder)) return null;
  const aside = `${folder}.old-${process.pid}`;
  renameSync(folder, aside);
  return aside;
}

async function main() {
  const previousRun = setAside(work);
  mkdirSync(work, { recursive: true });
  const content = join(work, 'content');
  console.error(`generating ${N} reports in ${content}…`);
  const corpus = await generateCorpus({ reports: N, seed: Number(values.seed), out: content });
  const reports = files(join(content, 'reports')).filter((f) => f.endsWith('.md') && !f.endsWith('.en.md'));

  // The baseline: plain Eleventy building the same reports as ordinary Markdown pages.
  const plainSite = join(work, 'plain');
  for (const file of reports) {
    const target = join(plainSite, 'src', basename(join(file, '..')), basename(file));
    mkdirSync(join(target, '..'), { recursive: true });
    cpSync(file, target);
  }
  const eleventyBin = join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  /** Run `r` of RUNS (from 0): its own folder, named plainly for the last (the one the later steps use), since nothing is removed before a timed step. */
  const ofRun = (folder: string, r: number) => (r === RUNS - 1 ? folder : `${folder}-run${r + 1}`);
  const plainRun = (r: number) => run(process.execPath, [eleventyBin, '--input', join(plainSite, 'src'), '--output', join(plainSite, ofRun('out', r)), '--quiet']);
  const say = (step: string, r: number) => console.error(RUNS > 1 ? `${step} (${r + 1} of ${RUNS})…` : `${step}…`);

  const out = join(work, '_site');
  // Validation and the builds each start from an empty cache of their own (see setAside).
  const validateEnv = { GONGKAI_CACHE_DIR: join(work, 'validate-cache'), GONGKAI_TIMINGS: '1' };
  const env = { GONGKAI_CACHE_DIR: join(work, 'cache'), GONGKAI_TIMINGS: '1' };
  // gongkai compiled first, as the first command after a change of its code compiles it (src/cli/compile.mjs).
  await gongkai(['--help'], {});
  console.error('gongkai: cold validate…');
  const coldValidate = await gongkai(['validate', '--format', 'json', content], validateEnv);
  console.error('gongkai: warm validate…');
  const warmValidate = await gongkai(['validate', '--format', 'json', content], validateEnv);
  // The baseline and the cold build in turn, each time into fresh folders and a fresh cache.
  const baselines: Step[] = [];
  const coldBuilds: Step[] = [];
  for (let r = 0; r < RUNS; r++) {
    say('baseline: plain Eleventy', r);
    baselines.push(await plainRun(r));
    say('gongkai: cold build', r);
    coldBuilds.push(await gongkai(['build', '--content', content, '--out', ofRun(out, r)], { ...env, GONGKAI_CACHE_DIR: ofRun(env.GONGKAI_CACHE_DIR, r) }));
  }
  const searchSeconds = (step: Step) => Number(/"search_s":([\d.]+)/.exec(step.stderr)?.[1] ?? 0);
  const baselineSeconds = baselines.map((b) => b.seconds);
  const coldBuildSeconds = coldBuilds.map((b) => b.seconds - searchSeconds(b));
  // The run whose cold build is the median's (the lower middle one of an even number), for its search index and memory.
  const coldBuild = coldBuilds[coldBuildSeconds.indexOf(lowerMedian(coldBuildSeconds))]!;
  console.error('gongkai: warm build…');
  const warmBuild = await gongkai(['build', '--content', content, '--out', out], env);
  const edited = reports[Math.floor(reports.length / 2)]!;
  writeFileSync(edited, readFileSync(edited, 'utf8').replace('## 五、存在的主要问题及改进情况\n', '## 五、存在的主要问题及改进情况\n\n本段为基准测试所改。\n'));
  console.error('gongkai: build after editing one report…');
  const edit = await gongkai(['build', '--content', content, '--out', out], env);
  console.error('gongkai: preview server, one report edited…');
  const preview = await previewSeconds(content, out, env, reports[Math.floor(reports.length / 3)]!);
  const nodePeak = (step: Step) => {
    const measured = /@@measure (\{.*\})/.exec(step.stderr)?.[1];
    return measured ? (JSON.parse(measured) as { peak_mb: number }).peak_mb : 0;
  };
  const parse = parseTimes(reports);
  const pages = files(out).filter((f) => f.endsWith('.html')).length;

  const results = {
    reports: N,
    pages,
    baseline_pages: reports.length,
    companions: corpus.companions,
    runs: RUNS,
    baseline_s: median(baselineSeconds),
    baseline_peak_mb: Math.max(...baselines.map((b) => b.peak_mb)),
    cold_build_s: median(coldBuildSeconds),
    search_s: searchSeconds(coldBuild),
    warm_build_s: warmBuild.seconds - searchSeconds(warmBuild),
    edit_s: edit.seconds - searchSeconds(edit),
    preview_edit_s: preview,
    cold_validate_s: coldValidate.seconds,
    warm_validate_s: warmValidate.seconds,
    peak_mb: Math.max(...coldBuilds.map((b) => b.peak_mb), warmBuild.peak_mb, edit.peak_mb, coldValidate.peak_mb, warmValidate.peak_mb),
    // gongkai's own process (all its threads), without the search indexer Pagefind runs as a child process.
    node_peak_mb: Math.max(...[...coldBuilds, warmBuild, edit, coldValidate, warmValidate].map(nodePeak)),
    // Which step needs the memory: gongkai's process alone, by step.
    node_peak_mb_by_step: { cold_validate: nodePeak(coldValidate), warm_validate: nodePeak(warmValidate), cold_build: Math.max(...coldBuilds.map(nodePeak)), warm_build: nodePeak(warmBuild), edit: nodePeak(edit) },
    parse_ms_per_report: parse.gongkai,
    parse_plain_ms_per_report: parse.plain,
    // Each run's baseline and cold build, in the order they ran (baseline_s and cold_build_s are their medians).
    baseline_runs_s: baselineSeconds,
    cold_build_runs_s: coldBuildSeconds,
  };
  writeFileSync(values.results, JSON.stringify(results, null, 2) + '\n');
  const ratio = (s: number) => (results.baseline_s ? (s / results.baseline_s).toFixed(2) + '×' : '');
  const rows: [string, string, string][] = [
    ['reports / pages', `${N} / ${pages}`, `${reports.length} pages`],
    ['plain Eleventy (baseline)', `${results.baseline_s.toFixed(1)} s`, `${results.baseline_peak_mb.toFixed(0)} MiB`],
    ['cold build (no search index)', `${results.cold_build_s.toFixed(1)} s`, ratio(results.cold_build_s)],
    ['search index', `${results.search_s.toFixed(1)} s`, ''],
    ['warm build', `${results.warm_build_s.toFixed(1)} s`, ratio(results.warm_build_s)],
    ['build after editing one report', `${results.edit_s.toFixed(1)} s`, ratio(results.edit_s)],
    ['preview server: an edit visible', `${results.preview_edit_s.toFixed(1)} s`, ''],
    ['cold validate', `${results.cold_validate_s.toFixed(1)} s`, ''],
    ['warm validate', `${results.warm_validate_s.toFixed(1)} s`, ''],
    ['peak memory', `${results.peak_mb.toFixed(0)} MiB`, `gongkai's process alone: ${results.node_peak_mb.toFixed(0)} MiB (the rest is Pagefind's indexer)`],
    ['parse, per report', `${results.parse_ms_per_report.toFixed(2)} ms`, `${(results.parse_ms_per_report / results.parse_plain_ms_per_report).toFixed(2)}× remark-parse alone (${results.parse_plain_ms_per_report.toFixed(2)} ms)`],
  ];
  console.log('| step | result | against |\n|---|---|---|');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
  if (RUNS > 1) {
    console.log(`\nbaseline and cold build are the medians of ${RUNS} runs, in turn:`);
    baselineSeconds.forEach((b, r) => console.log(`  run ${r + 1}: baseline ${b.toFixed(1)} s, cold build ${coldBuildSeconds[r]!.toFixed(1)} s (${(coldBuildSeconds[r]! / b).toFixed(2)}×)`));
  }
  if (previousRun) rmSync(previousRun, { recursive: true, force: true });
}

await main();
