// The site's Nunjucks environment: one, shared by Eleventy (given it as its
// njk library in .eleventy.ts) and the build's bulk rendering of report and
// agency pages (render-pages.ts), so that a page is the same whichever renders it.

import nunjucks from 'nunjucks';
import { join } from 'node:path';
import { ROOT } from '../util/root.ts';
import { useFrameSet } from './frame-set.ts';

export const TEMPLATES = join(ROOT, 'templates');
/** Where the layout and the kinds of page are (Eleventy's includes folder, relative to TEMPLATES). */
export const INCLUDES = '_includes';

let environment: nunjucks.Environment | undefined;

/** The environment, made once per process: it keeps every template it has compiled. */
export function siteEnvironment(): nunjucks.Environment {
  // Templates include only what is in the includes folder (the layout, the kinds of page).
  // Escape everything a template prints, unless it says `| safe` (HTML the site built itself).
  if (!environment) useFrameSet('split-once'); // its loops made cheaper (frame-set.ts)
  environment ??= new nunjucks.Environment(new nunjucks.FileSystemLoader(join(TEMPLATES, INCLUDES)), { autoescape: true });
  return environment;
}
