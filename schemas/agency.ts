// The agency registry (content/agencies.yaml): every agency whose reports
// the site publishes, referred to by its slug.

import { z } from 'zod';

export const AgencyLevel = z.enum(['national', 'provincial', 'municipal', 'district', 'county', 'township', 'other']);

/** A slug: lower-case words joined by hyphens, safe as it is in a URL, a file name and HTML. */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const Agency = z.object({
  slug: z.string().regex(SLUG, 'lower-case words joined by hyphens'),
  name: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  level: AgencyLevel,
  region: z.object({ zh: z.string().min(1), en: z.string().min(1) }),
  // Only a web address: the site links to it, and a javascript: or data: URL
  // (which z.url() alone accepts) would run in the reader's browser.
  website: z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' }).optional(),
  contact: z
    .object({ address: z.string().optional(), postcode: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })
    .optional(),
});
export type Agency = z.infer<typeof Agency>;

export const Registry = z.array(Agency).superRefine((agencies, ctx) => {
  const seen = new Map<string, number>();
  agencies.forEach((a, i) => {
    for (const key of [`slug:${a.slug}`, `name:${a.name.zh}`]) {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `${key.split(':')[0]} "${key.slice(key.indexOf(':') + 1)}" already used by entry ${seen.get(key)! + 1}` });
      seen.set(key, i);
    }
  });
});
