// Loads .gongkairc.json and applies its rule settings to diagnostics.

import { readFile } from 'node:fs/promises';
import { Config } from '../../schemas/config.ts';
import type { Diagnostic } from './diagnostic.ts';

export const CONFIG_FILE = '.gongkairc.json';

export class ConfigError extends Error {}

/** The configuration at `path`; an absent default file is an empty configuration. */
export async function loadConfig(path: string | undefined): Promise<Config> {
  const text = await readFile(path ?? CONFIG_FILE, 'utf8').catch(() => null);
  if (text === null) {
    if (path) throw new ConfigError(`cannot read ${path}`);
    return { rules: {} };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path ?? CONFIG_FILE}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = Config.safeParse(json);
  if (!parsed.success) throw new ConfigError(`${path ?? CONFIG_FILE}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export function applyConfig(diagnostics: Diagnostic[], config: Config): Diagnostic[] {
  return diagnostics.flatMap((d) => {
    const setting = config.rules[d.rule];
    if (!setting) return [d];
    return setting === 'off' ? [] : [{ ...d, severity: setting }];
  });
}
