// Eleventy configuration: templates/ in, the pages to render computed from
// content/ as the global `site` (see src/site/), downloads written after the
// pages (the preview server's; a build writes its own: write-outputs.ts),
// assets copied as they are.

import { siteData, contentDir, writeDownloads } from './src/site/data.ts';
import { siteEnvironment } from './src/site/templates.ts';

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addGlobalData('site', siteData);
  eleventyConfig.on('eleventy.after', ({ directories }) => writeDownloads(directories.output));
  eleventyConfig.addPassthroughCopy({ 'templates/assets': 'assets' });
  eleventyConfig.addWatchTarget(`${contentDir()}/`);
  // gongkai's own code does not change under a running preview (a change is compiled into a new tree, src/cli/compile.mjs): not spidered nor watched.
  eleventyConfig.setWatchJavaScriptDependencies(false);
  // The site's own Nunjucks environment (autoescaping), shared with the build's bulk rendering.
  eleventyConfig.setLibrary('njk', siteEnvironment());
  return {
    // The output folder is the build's to choose (a fresh one, swapped in when complete).
    dir: { input: 'templates', includes: '_includes' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
