// Eleventy configuration: templates/ in, every page and download computed
// from content/ as the global `site` (see src/site/), assets copied as they are.

import { siteData, contentDir } from './src/site/data.ts';

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addGlobalData('site', siteData);
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
  eleventyConfig.addWatchTarget(`${contentDir()}/`);
  // Escape everything a template prints, unless it says `| safe` (HTML the site built itself).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });
  return {
    // The output folder is the build's to choose (a fresh one, swapped in when complete).
    dir: { input: 'templates', includes: '_includes' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
