// CI's dependency audit: `npm audit --audit-level=high`, read from its JSON.
// It fails the build when the audit answers with any high or critical
// advisory; when the audit endpoint cannot be reached (an offline runner, or
// a registry mirror that answers the audit request with 405), it prints a
// notice and passes, since no answer is not a finding. Anything else npm
// reports (no lockfile, say) fails, so a broken step is never silent.

import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export type Verdict = { ok: boolean; message: string };

type AuditJson = {
  metadata?: { vulnerabilities?: Record<string, number> };
  statusCode?: number;
  error?: { code?: string; summary?: string };
  message?: string;
};

/** npm's codes for a request that got no audit answer: an HTTP error status, or no connection. */
const UNREACHABLE = /^(E\d{3}|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ERR_SOCKET_TIMEOUT)$/;

/** What to make of one run of `npm audit --json`: its stdout and stderr. */
export function auditVerdict(stdout: string, stderr: string): Verdict {
  let json: AuditJson | null = null;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    json = null;
  }
  const counts = json?.metadata?.vulnerabilities;
  if (counts) {
    const high = counts.high ?? 0;
    const critical = counts.critical ?? 0;
    const summary = Object.entries(counts).filter(([k]) => k !== 'total').map(([k, v]) => `${v} ${k}`).join(', ');
    return high + critical > 0
      ? { ok: false, message: `npm audit: ${high} high and ${critical} critical advisories (${summary}); run npm audit for details` }
      : { ok: true, message: `npm audit: no high or critical advisories (${summary})` };
  }
  const code = json?.error?.code ?? (typeof json?.statusCode === 'number' ? `E${json.statusCode}` : undefined);
  if ((code && UNREACHABLE.test(code)) || /audit endpoint returned an error/.test(stderr)) {
    const why = json?.message || json?.error?.summary || code || stderr.trim().split('\n')[0];
    return { ok: true, message: `notice: npm audit could not reach the audit endpoint (${why}); dependencies were not audited` };
  }
  return { ok: false, message: `npm audit did not run: ${json?.error?.summary || stderr.trim() || stdout.trim() || 'no output'}` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const run = spawnSync('npm', ['audit', '--json', '--audit-level=high'], { encoding: 'utf8' });
  const verdict = auditVerdict(run.stdout ?? '', run.stderr ?? '');
  (verdict.ok ? console.log : console.error)(verdict.message);
  process.exitCode = verdict.ok ? 0 : 1;
}
