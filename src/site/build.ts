// Builds (and optionally serves) the site with Eleventy, configured by
// .eleventy.ts at the repository root.

import Eleventy from '@11ty/eleventy';

export const SITE_INPUT = 'templates';
export const SITE_OUTPUT = '_site';
export const SITE_PORT = 8080;

export async function buildSite(options: { serve: boolean; log: (s: string) => void }): Promise<number> {
  const eleventy = new Eleventy(SITE_INPUT, SITE_OUTPUT, { configPath: '.eleventy.ts', quietMode: true, runMode: options.serve ? 'serve' : 'build' });
  await eleventy.init();
  if (!options.serve) {
    await eleventy.write();
    options.log(`site written to ${SITE_OUTPUT}/`);
    return 0;
  }
  await eleventy.watch();
  await eleventy.serve(SITE_PORT);
  options.log(`serving ${SITE_OUTPUT}/ at http://localhost:${SITE_PORT}/ (Ctrl+C to stop)`);
  // Serve until interrupted.
  return new Promise<number>(() => {});
}
