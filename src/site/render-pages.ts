// Renders pages as Eleventy renders templates/pages.njk: the page's kind's
// template, then the layout around it, with the same Nunjucks environment
// (templates.ts) — but each template compiled once, not once a page. The
// build renders the report and agency pages this way (tens of thousands at
// a time); Eleventy renders the others, and every page in the preview server.
// A test renders the same pages both ways and requires the same bytes.

import type nunjucks from 'nunjucks';
import { siteEnvironment } from './templates.ts';

/** The pages the build renders itself: one or two for every report and agency. */
export const RENDERED_IN_BULK: ReadonlySet<string> = new Set(['report', 'agency']);

/** A function that renders a page (the `p` of the templates) to its HTML. */
export function pageRenderer(): (page: { kind: string }) => string {
  const environment = siteEnvironment();
  const layout = environment.getTemplate('base.njk', true);
  const kinds = new Map<string, nunjucks.Template>();
  return (p) => {
    let kind = kinds.get(p.kind);
    if (!kind) kinds.set(p.kind, (kind = environment.getTemplate(`kinds/${p.kind}.njk`, true)));
    // pages.njk is the include and the newline after it; the layout prints it as `content`.
    return layout.render({ p, content: `${kind.render({ p })}\n` });
  };
}
