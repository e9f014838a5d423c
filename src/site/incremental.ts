// Building only what changed. Every page and download carries a fingerprint
// of everything it is made from (its data, the report's bytes, gongkai's code
// and templates). After a build, a manifest records each output file's
// fingerprint and what the file looked like on disk; the next build keeps
// every file whose fingerprint is the same, and which is still there as it
// was written, instead of making it again: where it is when the site is
// updated in place, linked into the fresh folder of a site made whole.

import { createHash, hash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { linkSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { filesUnder } from '../util/files-under.ts';
import { writeWhole } from '../util/write-whole.ts';
import { codeVersion } from '../cache/code-version.ts';
import { statOrNull } from '../util/stat-or-null.ts';
import { ROOT } from '../util/root.ts';
import type { PieceTable } from './dataset-pieces.ts';

/** Something the build writes: its address and fingerprint. */
export type Output = { url: string; fingerprint: string };

/** A file as it is on disk: whether it is still the one written is told by these. */
export type FileStamp = { size: number; mtimeMs: number; ino: number };
/** An output file as the manifest records it; a site-wide dataset's with where each report's piece lies in it (dataset-pieces.ts). */
type Recorded = FileStamp & { fingerprint: string; pieces?: PieceTable };

/** Whether a file on disk is still the one the manifest recorded: same inode, size and time. */
export const asRecorded = (now: FileStamp | null | undefined, was: Recorded) =>
  now != null && now.size === was.size && now.mtimeMs === was.mtimeMs && now.ino === was.ino;
export type Manifest = Record<string, Recorded>;

/** The parts, each ended by a NUL, hashed in one call: a site has a fingerprint or two for every output, and a hash object for each cost more. */
export const fingerprint = (...parts: string[]): string => {
  let joined = '';
  for (const part of parts) joined += `${part}\0`;
  return hash('sha256', joined).slice(0, 32);
};

let version: string | undefined;

/** gongkai's code, its templates and Eleventy configuration: a change to any of them changes every page. */
export function siteVersion(): string {
  if (version) return version;
  const made = createHash('sha256').update(codeVersion());
  for (const file of [...filesUnder(join(ROOT, 'templates')).map((path) => join(ROOT, 'templates', path)), join(ROOT, '.eleventy.ts')]) made.update(file).update(readFileSync(file));
  return (version = made.digest('hex').slice(0, 16));
}

/** Where an address is written: a folder's page is its index.html. */
export const outputFile = (url: string): string => (url.endsWith('/') ? `${url}index.html` : url).replace(/^\//, '');

/** The manifest of the site last built at `out`, kept in the cache (not in the published site). */
export const manifestFile = (cacheDir: string, out: string): string => join(cacheDir, 'builds', `${fingerprint(resolve(out))}.json`);

export async function readManifest(file: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Manifest;
  } catch {
    return {}; // none yet, or damaged: build everything
  }
}

export const writeManifest = (file: string, manifest: Manifest): Promise<void> => writeWhole(file, JSON.stringify(manifest));

/**
 * The addresses of the outputs of the site at `from` that can be kept: same
 * fingerprint as recorded, and the file unchanged since (same inode, size
 * and time). In a plain synchronous loop, as are the looks at every output
 * below: tens of thousands of them take a few hundred milliseconds so, and
 * three to four times as long through promises (measured on the 54,032
 * files of a 10,000-report site).
 */
export function keptOutputs(outputs: readonly Output[], previous: Manifest, from: string): Set<string> {
  const kept = new Set<string>();
  for (const output of outputs) {
    const path = outputFile(output.url);
    const was = previous[path];
    if (was && was.fingerprint === output.fingerprint && asRecorded(statOrNull(join(from, path)), was)) kept.add(output.url);
  }
  return kept;
}

/** Links the files at `urls` of the site at `from` into `to`, a fresh folder. Safe because no build ever writes into a file it did not just create. */
export function linkInto(urls: Iterable<string>, from: string, to: string): void {
  const folders = new Set<string>();
  for (const url of urls) {
    const path = outputFile(url);
    const target = join(to, path);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    linkSync(join(from, path), target);
  }
}

/**
 * Makes the folder of each file about to be written, each folder once however
 * many files go in it: after its parent, with a plain mkdir (a recursive one
 * costs the main thread ~0.1 ms each, and a site has a folder or two per report).
 */
export function folderMaker(): (file: string) => Promise<unknown> {
  const folders = new Map<string, Promise<unknown>>();
  const make = (folder: string): Promise<unknown> => {
    let made = folders.get(folder);
    if (!made) {
      const parent = dirname(folder);
      const exists = (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      };
      made = parent === folder ? Promise.resolve() : make(parent).then(() => mkdir(folder).catch(exists));
      folders.set(folder, made);
    }
    return made;
  };
  return (file) => make(dirname(file));
}

/**
 * Whether the site at `dir` is already exactly what this build would make:
 * the manifest lists exactly these outputs with these fingerprints, every
 * file is still as recorded, and the copied assets are those of the
 * templates. Then a build has nothing to do.
 */
export async function unchangedSite(outputs: readonly Output[], previous: Manifest, dir: string, assets: { from: string; to: string }): Promise<boolean> {
  if (Object.keys(previous).length !== outputs.length) return false;
  if (!outputs.every((o) => previous[outputFile(o.url)]?.fingerprint === o.fingerprint)) return false;
  const stats = outputs.map((o) => statOrNull(join(dir, outputFile(o.url))));
  if (!outputs.every((o, i) => asRecorded(stats[i], previous[outputFile(o.url)]!))) return false;
  const names = await readdir(assets.from, { recursive: true }).catch(() => null);
  if (!names) return false;
  for (const name of names) {
    const source = await readFile(join(assets.from, name)).catch(() => null);
    if (source === null) continue; // a folder
    const copy = await readFile(join(dir, assets.to, name)).catch(() => null);
    if (copy === null || !copy.equals(source)) return false;
  }
  return true;
}

/**
 * What the manifest keeps of every output now in `dir`, and where the
 * reports' pieces lie in the datasets (by address). `written`: the stamps of
 * files taken as they were written (write-outputs.ts), by address, not
 * looked at again (tens of thousands, after both threads are done); a
 * rename, whole folder or file by file, keeps them.
 */
export async function record(outputs: readonly Output[], dir: string, pieces: ReadonlyMap<string, PieceTable> = new Map(), written: ReadonlyMap<string, FileStamp> = new Map()): Promise<Manifest> {
  const manifest: Manifest = {};
  const stats = outputs.map((output) => written.get(output.url) ?? statOrNull(join(dir, outputFile(output.url))));
  outputs.forEach((output, i) => {
    const now = stats[i];
    const table = pieces.get(output.url);
    if (now) manifest[outputFile(output.url)] = { fingerprint: output.fingerprint, ...stampOf(now), ...(table && { pieces: table }) };
  });
  return manifest;
}

/** The stamp of a file just written. */
export const stampOf = ({ size, mtimeMs, ino }: FileStamp): FileStamp => ({ size, mtimeMs, ino });
