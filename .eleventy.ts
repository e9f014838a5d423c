// Eleventy configuration: templates/ in, _site/ out, the reports of content/
// as global data.

import { loadReportSummaries } from './src/site/reports-data.ts';

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addGlobalData('reports', () => loadReportSummaries('content'));
  eleventyConfig.addWatchTarget('content/');
  return {
    dir: { input: 'templates', output: '_site' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
