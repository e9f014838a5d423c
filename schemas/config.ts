// The configuration file, .gongkairc.json: rule severities changed or turned
// off, as ESLint users would expect.

import { z } from 'zod';
import { RULE_IDS, type RuleId } from './rules.ts';

export const RuleSetting = z.enum(['error', 'warning', 'info', 'off']);

export const Config = z.strictObject({
  $schema: z.string().optional(),
  rules: z.partialRecord(z.enum(RULE_IDS as [RuleId, ...RuleId[]]), RuleSetting).default({}),
});
export type Config = z.infer<typeof Config>;
