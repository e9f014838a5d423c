// Where gongkai's own files are (package.json, templates/, schemas/, its
// TypeScript), and where the code running is: the same folder, or, run
// compiled (src/cli/compile.mjs, which defines GONGKAI_ROOT), a tree of
// plain JavaScript made from it.

import { join } from 'node:path';

declare const GONGKAI_ROOT: string | undefined;

/** The code running is the compiled tree's, not the TypeScript's. */
export const COMPILED = typeof GONGKAI_ROOT === 'string';
/** gongkai's own folder. */
export const ROOT = typeof GONGKAI_ROOT === 'string' ? GONGKAI_ROOT : join(import.meta.dirname, '..', '..');
/** The Eleventy configuration the code running loads: .eleventy.ts, or its compiled twin. */
export const ELEVENTY_CONFIG = COMPILED ? join(import.meta.dirname, '..', '..', '.eleventy.js') : join(ROOT, '.eleventy.ts');
