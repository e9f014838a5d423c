// Nunjucks sets seven variables (`loop.index`, `loop.first`, …) on every
// turn of every `for` loop, and its Frame.set splits each name at its dots
// to do so: at 20,000 report pages, ~30 turns a page, that was ~1.8 s of a
// build's processor time. Here the same assignment takes each name split
// once. nunjucks is pinned (3.2.4, its last release); a test renders the
// site's pages, and loops of every kind, with both and requires the same bytes.

import nunjucks from 'nunjucks';

type Variables = Record<string, unknown>;
type Frame = { variables: Variables };
type FrameSet = (this: Frame, name: string, value: unknown, resolveUp?: boolean) => void;

const frame = (nunjucks.runtime as unknown as { Frame: { prototype: { set: FrameSet } } }).Frame.prototype;

/** Nunjucks' own Frame.set. */
export const NUNJUCKS_FRAME_SET: FrameSet = frame.set;

/** Each name set, split at its dots: names come from templates, so they are few. */
const paths = new Map<string, string[]>();

/** Frame.set as nunjucks has it, each name split once. */
const frameSet: FrameSet = function (name, value, resolveUp) {
  // Setting up the frames (a template's `{% set %}`) is as nunjucks does it.
  if (resolveUp) return NUNJUCKS_FRAME_SET.call(this, name, value, resolveUp);
  let path = paths.get(name);
  if (!path) paths.set(name, (path = name.split('.')));
  let variables = this.variables;
  for (let i = 0; i < path.length - 1; i++) {
    const id = path[i]!;
    if (!variables[id]) variables[id] = {};
    variables = variables[id] as Variables;
  }
  variables[path[path.length - 1]!] = value;
};

/** Which Frame.set nunjucks uses from now on, in this process: this module's (the default), or its own (for a test). */
export function useFrameSet(which: 'split-once' | 'nunjucks'): void {
  frame.set = which === 'split-once' ? frameSet : NUNJUCKS_FRAME_SET;
}
