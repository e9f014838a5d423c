// The site's data for Eleventy, computed once per build from the content
// folder named by GONGKAI_CONTENT (default content/).

import { loadConfig } from '../check/config.ts';
import { buildSite, loadPublished, schemaJson } from './site-data.ts';

export const contentDir = () => process.env.GONGKAI_CONTENT ?? 'content';

export async function siteData() {
  const { published } = await loadPublished(contentDir(), await loadConfig(undefined));
  return buildSite(published, schemaJson());
}
