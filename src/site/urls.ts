// Every URL of the site, for both languages: Chinese at the root, English
// under /en/. The language switch and hreflang links are computed from here.

import { createHash } from 'node:crypto';
import { SLUG } from '../../schemas/agency.ts';
import type { Lang } from '../render/glossary.ts';

const prefix = (lang: Lang) => (lang === 'zh' ? '' : '/en');

export const urls = {
  home: (lang: Lang) => `${prefix(lang)}/`,
  report: (lang: Lang, slug: string, year: number) => `${prefix(lang)}/reports/${slug}/${year}/`,
  agency: (lang: Lang, slug: string) => `${prefix(lang)}/agencies/${slug}/`,
  agencies: (lang: Lang) => `${prefix(lang)}/agencies/`,
  year: (lang: Lang, year: number) => `${prefix(lang)}/years/${year}/`,
  years: (lang: Lang) => `${prefix(lang)}/years/`,
  data: (lang: Lang) => `${prefix(lang)}/data/`,
  about: (lang: Lang) => `${prefix(lang)}/about/`,
  search: (lang: Lang) => `${prefix(lang)}/search/`,
  notFound: (lang: Lang) => `${prefix(lang)}/404.html`,
  /** Downloads are shared by both languages. */
  download: (slug: string, year: number, kind: 'json' | 'csv' | 'md') => `/reports/${slug}/${year}/report.${kind}`,
  dataset: (kind: 'json' | 'csv') => `/data/gongkai.${kind}`,
  schema: () => '/data/report.schema.json',
};

/**
 * The slug of an agency missing from the registry, from its reports' folder
 * name. A folder can be named anything, quotes and angle brackets included,
 * and a slug goes into addresses, file names and HTML as it is: so a name
 * that is not already a slug becomes one, its ASCII words kept and a short
 * hash of the whole name added (two folders never share one).
 */
export function folderSlug(folder: string): string {
  if (SLUG.test(folder)) return folder;
  const words = folder.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const hash = createHash('sha256').update(folder).digest('hex').slice(0, 8);
  return words ? `${words}-${hash}` : hash;
}
