// Vitest's global setup: every test's temporary folders (os.tmpdir(), here
// and in the processes and browsers tests start) go in one folder of this
// run's own, removed when the run ends. Without it, each run left some
// eighty folders in the system's temporary folder (~70 MB).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-tests-'));
  // Set before the test workers start: they, and what they start, inherit it.
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
