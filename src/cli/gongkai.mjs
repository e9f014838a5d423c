// The command line's entry (`npm run gongkai`, `npm start`): the code compiled
// if it changed since it last was (compile.mjs), then run.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compiledTree } from './compile.mjs';

const tree = await compiledTree().catch((error) => {
  // esbuild has printed each error with its file and line; what remains is to say what failed.
  process.stderr.write(`gongkai: its TypeScript does not compile${error.errors ? ` (${error.errors.length} error(s), above)` : `: ${error.message}`}\n`);
  process.exit(2);
});
const { runFromCommandLine } = await import(pathToFileURL(join(tree, 'src', 'cli', 'main.js')).href);
runFromCommandLine();
