// Building diagnostics: every stage reports problems through `problem()`,
// which fills in the rule's severity and leaves the file to the caller.

import type { Diagnostic } from '../../schemas/diagnostic.ts';
import { RULES, type RuleId } from '../../schemas/rules.ts';
import type { TableId } from '../../schemas/template.ts';

export type { Diagnostic };

/** A diagnostic before it knows its file. */
export type Problem = Omit<Diagnostic, 'file'>;

export type ProblemDetails = {
  at?: { line: number; column: number } | null;
  table?: TableId | null;
  row?: string | null;
  col?: string | null;
  expected?: string | number | null;
  actual?: string | number | null;
};

export function problem(rule: RuleId, details: ProblemDetails, message: { zh: string; en: string }): Problem {
  return {
    rule,
    severity: RULES[rule].severity,
    line: details.at?.line ?? null,
    column: details.at?.column ?? null,
    table: details.table ?? null,
    row: details.row ?? null,
    col: details.col ?? null,
    expected: details.expected ?? null,
    actual: details.actual ?? null,
    message,
  };
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Source order, then severity: how every reporter lists them. */
export function sortDiagnostics<T extends Problem>(diagnostics: T[]): T[] {
  return [...diagnostics].sort(
    (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0) || ORDER[a.severity] - ORDER[b.severity] || a.rule.localeCompare(b.rule),
  );
}
