// What must never be in a page built from content: script the site did not
// write, event-handler attributes, javascript:/data:/vbscript: URLs, frames
// and embedded objects. Read from HTML (a built file, or a live page's DOM
// as the browser serialises it) with the HTML parser the site itself uses.

import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

/** The site's own scripts: Pagefind's UI and the few lines that start it, on the search pages only. */
const OWN_SCRIPT = (e: Element) =>
  /^\/pagefind\/(zh|en)-\d+\/pagefind-ui\.js$/.test(String(e.properties.src)) || (e.children[0]?.type === 'text' && e.children[0].value.trimStart().startsWith('// The index comes in parts'));

/** Pagefind's UI: a search form that does nothing when submitted (results come as one types). */
const OWN_FORM = (e: Element) => e.tagName === 'form' && String(e.properties.className).includes('pagefind-ui__form') && e.properties.action === 'javascript:void(0);';

const URL_PROPERTIES = ['href', 'src', 'srcSet', 'data', 'action', 'formAction', 'poster', 'cite', 'background', 'xLinkHref'];
/** As a browser reads a URL: spaces and control characters around and inside the scheme do not count. */
const DANGEROUS_URL = /^(javascript|data|vbscript):/i;
const url = (value: unknown) => String(Array.isArray(value) ? value.join(' ') : value).replace(/[\u0000-\u0020]/g, '');

export function hazards(html: string, options: { searchPage: boolean }): string[] {
  const found: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'element') {
      const tag = node.tagName;
      if (tag === 'script' && !(options.searchPage && OWN_SCRIPT(node))) found.push(`a script: ${JSON.stringify(node.properties)}`);
      if (['iframe', 'frame', 'object', 'embed', 'base', 'style'].includes(tag)) found.push(`a <${tag}> element`);
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on/i.test(name)) found.push(`<${tag} ${name}=${JSON.stringify(value)}>`);
        const own = options.searchPage && OWN_FORM(node);
        if (URL_PROPERTIES.includes(name) && DANGEROUS_URL.test(url(value)) && !own) found.push(`<${tag} ${name}=${JSON.stringify(value)}>`);
      }
      if (tag === 'meta' && /refresh/i.test(String(node.properties.httpEquiv))) found.push('a meta refresh');
    }
    if ('children' in node) node.children.forEach(visit);
    if (node.type === 'element' && node.content) visit(node.content);
  };
  visit(fromHtml(html));
  return found;
}
