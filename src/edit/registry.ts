// Reads the agency registry and finds an agency by name or slug.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readYaml as parse } from '../read/yaml.ts';
import { Registry, type Agency } from '../../schemas/agency.ts';

export const REGISTRY_FILE = 'agencies.yaml';

export class RegistryError extends Error {}

export async function loadRegistry(contentDir: string): Promise<Agency[]> {
  const path = join(contentDir, REGISTRY_FILE);
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return [];
  // The same text read again (the preview server, after every edit) is the same registry: read it once.
  if (last?.path === path && last.text === text) return last.registry;
  const parsed = Registry.safeParse(parse(text));
  if (!parsed.success) {
    throw new RegistryError(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  last = { path, text, registry: parsed.data };
  return parsed.data;
}

/** The registry read last, by its file and text. Read-only to callers. */
let last: { path: string; text: string; registry: Agency[] } | null = null;

export function findAgency(registry: readonly Agency[], nameOrSlug: string): Agency | undefined {
  return registry.find((a) => a.slug === nameOrSlug || a.name.zh === nameOrSlug);
}

/** Where a report of this agency and year lives in the content folder. */
export const reportPath = (contentDir: string, slug: string, year: number) => join(contentDir, 'reports', slug, `${year}.md`);
