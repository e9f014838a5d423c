// gongkai's TypeScript (src/, schemas/, .eleventy.ts) compiled into plain
// JavaScript, once for each change of it, for Node to load as it is. Through
// tsx, every module a thread loads (~540: gongkai's and its packages') passes
// through a loader thread, ~1 s of processor time a thread, and a build runs
// three. The compiled tree mirrors the sources file for file (imports kept,
// `.ts` ones renamed `.js`), so a stack trace still names the file and function.
// Plain JavaScript itself: it runs before anything could load TypeScript.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** gongkai's own folder. */
const ROOT = join(import.meta.dirname, '..', '..');
/** Where compiled trees are kept, one for each state of the sources. */
export const COMPILED_DIR = join(ROOT, 'node_modules', '.cache', 'gongkai-code');
/** A tree no process has started from for this long is removed when another is made. */
const UNUSED_FOR_MS = 24 * 3600 * 1000;

/** The files compiled, relative to ROOT: every TypeScript module (not declarations) and every worker's entry (`x.mjs` beside `x.ts`). */
function sourceFiles() {
  const under = (folder) =>
    readdirSync(join(ROOT, folder), { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => {
        const path = join(folder, e.name);
        if (e.isDirectory()) return under(path);
        if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) return [path];
        return e.name.endsWith('.mjs') && existsSync(join(ROOT, path.replace(/\.mjs$/, '.ts'))) ? [path] : [];
      });
  return [...under('src'), ...under('schemas'), '.eleventy.ts'];
}

/** The key of a compiled tree: where the sources are (the tree points there), their paths and bytes, the compiler's version and this file. */
function treeKey(files, compilerVersion) {
  const hash = createHash('sha256').update(ROOT).update('\0').update(compilerVersion).update('\0').update(readFileSync(import.meta.filename));
  for (const file of files) hash.update('\0').update(file).update('\0').update(readFileSync(join(ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

/** Each module compiled alone: its imports stay imports, those of gongkai's TypeScript renamed to the compiled `.js`. */
const eachFileAlone = {
  name: 'each-file-alone',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: /^\.\.?\//.test(args.path) ? args.path.replace(/\.ts$/, '.js') : args.path, external: true }));
  },
};

/**
 * The folder of the compiled tree for the sources as they are now, made if
 * there is none. A worker's entry (`x.mjs`, which registers tsx to load
 * `x.ts`) becomes a plain import of `x.js`. The tree is made in a folder of
 * its own and renamed into place whole, so that builds started together
 * never load half of one.
 */
export async function compiledTree() {
  const { build, version } = await import('esbuild');
  const files = sourceFiles();
  const tree = join(COMPILED_DIR, `js-${treeKey(files, version)}`);
  if (existsSync(join(tree, 'package.json'))) return used(tree);
  const making = `${tree}.making-${process.pid}`;
  rmSync(making, { recursive: true, force: true });
  const typescript = files.filter((f) => f.endsWith('.ts'));
  await build({
    entryPoints: typescript.map((f) => join(ROOT, f)),
    outbase: ROOT,
    outdir: making,
    bundle: true,
    plugins: [eachFileAlone],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Where the sources are (src/util/root.ts): the templates, the schemas and the code's version are read from there.
    define: { GONGKAI_ROOT: JSON.stringify(ROOT) },
    logLevel: 'error',
  }).catch((error) => {
    rmSync(making, { recursive: true, force: true });
    throw error;
  });
  for (const entry of files.filter((f) => f.endsWith('.mjs'))) {
    mkdirSync(dirname(join(making, entry)), { recursive: true });
    writeFileSync(join(making, entry), `import './${basename(entry, '.mjs')}.js';\n`);
  }
  // Node reads `.js` as ES modules only where a package says so, and stops looking at node_modules.
  writeFileSync(join(making, 'package.json'), '{ "type": "module" }\n');
  try {
    renameSync(making, tree);
  } catch {
    rmSync(making, { recursive: true, force: true }); // another process made the same tree first
  }
  removeUnused(tree);
  return used(tree);
}

/** A tree as just used (its time is what removeUnused goes by). */
function used(tree) {
  const now = new Date();
  utimesSync(tree, now, now);
  return tree;
}

/** Trees of sources as they were, unused for a day: one a process may still be running from is kept. */
function removeUnused(current) {
  for (const name of readdirSync(COMPILED_DIR)) {
    const path = join(COMPILED_DIR, name);
    if (path !== current && Date.now() - statSync(path).mtimeMs > UNUSED_FOR_MS) rmSync(path, { recursive: true, force: true });
  }
}
