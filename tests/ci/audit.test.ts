// The CI audit step's reading of `npm audit --json`, on canned output (no
// network): fails on high or critical advisories, passes with a notice when
// the audit endpoint gave no answer, fails when npm could not audit at all.

import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../.ci/audit.ts';

const report = (counts: Record<string, number>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: {},
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts }, dependencies: { prod: 200, total: 400 } },
  });

// What npm 11 prints here, where the registry answers the audit request with 405.
const METHOD_NOT_ALLOWED = JSON.stringify({
  message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  method: 'POST',
  uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
  statusCode: 405,
  body: '',
  error: { summary: '', detail: '' },
});
const STDERR_405 = 'npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk\nnpm error audit endpoint returned an error\n';

describe('the CI audit step', () => {
  it('fails on a high advisory', () => {
    const v = auditVerdict(report({ high: 1, total: 1 }), '');
    expect(v.ok).toBe(false);
    expect(v.message).toContain('1 high and 0 critical');
  });

  it('fails on a critical advisory', () => {
    expect(auditVerdict(report({ critical: 2, moderate: 1, total: 3 }), '').ok).toBe(false);
  });

  it('passes with only low and moderate advisories', () => {
    const v = auditVerdict(report({ low: 3, moderate: 2, total: 5 }), '');
    expect(v).toEqual({ ok: true, message: 'npm audit: no high or critical advisories (0 info, 3 low, 2 moderate, 0 high, 0 critical)' });
  });

  it('passes with a notice when the registry answers the audit with 405', () => {
    const v = auditVerdict(METHOD_NOT_ALLOWED, STDERR_405);
    expect(v.ok).toBe(true);
    expect(v.message).toMatch(/^notice: npm audit could not reach the audit endpoint \(405 Method Not Allowed/);
  });

  it('passes with a notice when there is no network', () => {
    const offline = JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org', detail: '' } });
    const v = auditVerdict(offline, '');
    expect(v.ok).toBe(true);
    expect(v.message).toContain('getaddrinfo ENOTFOUND');
  });

  it('fails when npm could not audit for another reason', () => {
    const noLock = JSON.stringify({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.', detail: '' } });
    expect(auditVerdict(noLock, '')).toEqual({ ok: false, message: 'npm audit did not run: This command requires an existing lockfile.' });
    expect(auditVerdict('', 'npm error something else\n').ok).toBe(false);
  });
});
