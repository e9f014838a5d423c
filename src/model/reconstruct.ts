// Reconstruction of lost values. A short row lost one value, at a position
// nobody can see; each position gives one completion (the lost value follows
// from the row's own total). Every combination of completions, one per short
// row, is tried against all the table's equations; only if exactly one set
// of full rows satisfies them all are the rows filled in. Nothing else is
// ever inferred.

import type { CellSource } from '../../schemas/cells.ts';
import type { CellRef, Equation } from '../../schemas/equations.ts';
import { parseCount } from '../recognise/values.ts';

export type ReconRow = { shape: string; values: (number | null)[]; cells: CellSource[] };

/** One way to complete a short row, and every position of the lost value that gives it. */
export type Completion = { values: (number | null)[]; positions: number[] };

export type Reconstruction =
  | { status: 'none' }
  | { status: 'unique'; rows: Map<number, Completion> }
  | { status: 'ambiguous'; candidates: Map<number, Completion>[] }
  | { status: 'impossible'; reason: 'not-one-lost' | 'no-completion' | 'rules-broken' }
  | { status: 'undecided' };

/** How many partial combinations may be tried before giving up: a bound on time, not a guess. */
const MAX_STEPS = 200_000;
/** How many ambiguous candidates are worth listing. */
const MAX_CANDIDATES = 5;

const cellValue = (cell: CellSource, value: number | null) => (cell.state === 'blank' ? null : value);

/** A short row's values as read (the model leaves them null, since their columns are unknown). */
function readValues(row: ReconRow): (number | null)[] | null {
  if (row.cells.some((cell) => cell.state === 'invalid')) return null;
  return row.cells.map((cell) => parseCount(cell.text).value);
}

/** Solves `eq` for the cell at `unknown`, the other cells read from `get`; blanks count as 0. */
function solve(eq: Equation, unknown: CellRef, get: (ref: CellRef) => number | null): number | null {
  const same = (a: CellRef) => a.row === unknown.row && a.col === unknown.col;
  const terms = eq.terms.map((t) => ({ ...t, value: same(t.ref) ? null : get(t.ref) }));
  const known = terms.reduce((sum, t) => sum + (same(t.ref) ? 0 : t.sign * (t.value ?? 0)), 0);
  if (same(eq.total)) return terms.some((t) => t.value !== null) ? known : null;
  const total = get(eq.total);
  const term = eq.terms.find((t) => same(t.ref));
  if (total === null || !term) return null;
  return term.sign * (total - known);
}

/** The distinct completions of one short row: the lost value inserted at each position, solved from the row's own equation. */
export function completions(rowIndex: number, row: ReconRow, width: number, equations: readonly Equation[]): Completion[] | null {
  const read = readValues(row);
  if (!read || read.length !== width - 1) return null;
  const found = new Map<string, Completion>();
  for (let p = 0; p < width; p++) {
    const values = [...read.slice(0, p), null, ...read.slice(p)];
    const get = (ref: CellRef) => (ref.row === rowIndex ? values[ref.col] ?? null : null);
    // The row's own equation: the one whose cells all lie in this row and include the position.
    const own = equations.find((eq) => [eq.total, ...eq.terms.map((t) => t.ref)].every((r) => r.row === rowIndex) && [eq.total, ...eq.terms.map((t) => t.ref)].some((r) => r.col === p));
    const x = own ? solve(own, { row: rowIndex, col: p }, get) : null;
    if (x === null || x < 0) continue;
    values[p] = x;
    const key = JSON.stringify(values);
    const seen = found.get(key);
    if (seen) seen.positions.push(p);
    else found.set(key, { values, positions: [p] });
  }
  return [...found.values()];
}

function holds(eq: Equation, get: (ref: CellRef) => number | null): boolean {
  const total = get(eq.total);
  const terms = eq.terms.map((t) => get(t.ref));
  // The same blank policy as the checks: unchecked equations do not rule a completion out.
  if (total === null || terms.every((v) => v === null)) return true;
  return terms.reduce<number>((sum, v, i) => sum + eq.terms[i]!.sign * (v ?? 0), 0) === total;
}

/**
 * Tries every combination of completions of the short rows of one table
 * against `equations`. Rows of any other shape than `complete` or `short`,
 * or short by more than one value, make reconstruction impossible.
 */
export function reconstruct(rows: readonly ReconRow[], width: number, equations: readonly Equation[]): Reconstruction {
  const shortRows = rows.map((r, i) => ({ r, i })).filter(({ r }) => r.shape !== 'complete');
  if (!shortRows.length) return { status: 'none' };
  const options: { index: number; completions: Completion[] }[] = [];
  for (const { r, i } of shortRows) {
    if (r.shape !== 'short') return { status: 'impossible', reason: 'not-one-lost' };
    const c = completions(i, r, width, equations);
    if (!c) return { status: 'impossible', reason: 'not-one-lost' };
    if (!c.length) return { status: 'impossible', reason: 'no-completion' };
    options.push({ index: i, completions: c });
  }
  const chosen = new Map<number, Completion>();
  const get = (ref: CellRef): number | null => {
    const pick = chosen.get(ref.row);
    if (pick) return pick.values[ref.col] ?? null;
    const row = rows[ref.row];
    const cell = row?.cells[ref.col];
    return row && cell ? cellValue(cell, row.values[ref.col] ?? null) : null;
  };
  // Each equation is checked as soon as every short row it touches has been chosen.
  const depthOf = (eq: Equation) => Math.max(-1, ...[eq.total, ...eq.terms.map((t) => t.ref)].map((ref) => options.findIndex((o) => o.index === ref.row)));
  const byDepth = options.map((_, d) => equations.filter((eq) => depthOf(eq) === d));
  // Equations among complete rows only must already hold, or no completion can make every rule hold.
  if (!equations.filter((eq) => depthOf(eq) === -1).every((eq) => holds(eq, get))) return { status: 'impossible', reason: 'rules-broken' };
  const solutions: Map<number, Completion>[] = [];
  let steps = 0;
  const search = (depth: number): boolean => {
    if (++steps > MAX_STEPS) return false;
    if (depth === options.length) {
      solutions.push(new Map(chosen));
      return solutions.length <= MAX_CANDIDATES;
    }
    const option = options[depth]!;
    for (const completion of option.completions) {
      chosen.set(option.index, completion);
      if (byDepth[depth]!.every((eq) => holds(eq, get)) && !search(depth + 1)) return false;
    }
    chosen.delete(option.index);
    return true;
  };
  const finished = search(0);
  if (solutions.length === 0) return finished ? { status: 'impossible', reason: 'no-completion' } : { status: 'undecided' };
  if (solutions.length === 1 && finished) return { status: 'unique', rows: solutions[0]! };
  return solutions.length > 1 ? { status: 'ambiguous', candidates: solutions } : { status: 'undecided' };
}
