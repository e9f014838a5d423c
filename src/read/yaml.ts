// Reading YAML (front matter, the registry): js-yaml with the core schema,
// so that dates stay strings as written ("2021-01-01"), and fast on the hot
// path of validating thousands of reports.

import { CORE_SCHEMA, load } from 'js-yaml';

export function readYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}
