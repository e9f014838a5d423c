// The data model's JSON Schema, for other tools: committed, current, and
// describing what extract prints.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Report } from '../schemas/report.ts';
import { checkReportBytes } from '../src/report.ts';
import { SEED_FILE } from './helpers.ts';

const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schemas', 'report.schema.json'), 'utf8')) as Record<string, unknown>;

describe('JSON Schema', () => {
  it('is the one the Zod schemas generate (run `gongkai schema > schemas/report.schema.json` after changing them)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(Report, { io: 'output', unrepresentable: 'any' }))));
  });

  it('has one variant per format, each naming its tables', () => {
    const variants = committed.oneOf as { properties: { format: unknown; tables: { properties: Record<string, unknown> } } }[];
    expect(variants.map((v) => v.properties.format)).toEqual([{ type: 'string', const: '2019' }, { type: 'string', const: '2021' }, { type: 'string', const: 'hybrid' }, { type: 'null' }]);
    for (const v of variants) expect(Object.keys(v.properties.tables.properties)).toEqual(['table2', 'table3', 'table4']);
  });

  it('accepts what extract prints for the seed', () => {
    const report = checkReportBytes(readFileSync(SEED_FILE), 'seed.txt').report!;
    expect(Report.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
  });
});
