// GitHub Actions workflow commands, so a pull request shows each problem on
// its line.

import type { Diagnostic } from '../../schemas/diagnostic.ts';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

export function formatGithub(diagnostics: Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`];
      if (d.line) props.push(`line=${d.line}`);
      if (d.column) props.push(`col=${d.column}`);
      props.push(`title=${escapeProperty(d.rule)}`);
      return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(`${d.message.zh} / ${d.message.en}`)}`;
    })
    .join('\n');
}
