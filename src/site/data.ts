// The site's data for Eleventy, computed from the content folder named by
// GONGKAI_CONTENT (default content/). The build checks the content first and
// hands its result over, so one build validates the reports once; a rebuild
// on change (the preview server) reads them again.

import { loadConfig } from '../check/config.ts';
import { buildSite, loadPublished, schemaJson } from './site-data.ts';

export const contentDir = () => process.env.GONGKAI_CONTENT ?? 'content';

type Loaded = Awaited<ReturnType<typeof loadPublished>>;
let handedOver: Loaded | null = null;

/** Checks the content; what the next `siteData()` will use instead of checking again. */
export async function loadContent(dir: string): Promise<Loaded> {
  handedOver = await loadPublished(dir, await loadConfig(undefined));
  return handedOver;
}

export async function siteData() {
  const loaded = handedOver ?? (await loadPublished(contentDir(), await loadConfig(undefined)));
  handedOver = null;
  return buildSite(loaded.published, schemaJson());
}
