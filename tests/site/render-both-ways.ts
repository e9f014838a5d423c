// Renders every page of a site's content twice: by Eleventy from
// templates/pages.njk, as the preview server does, and in bulk
// (src/site/render-pages.ts), as the build does; prints which differ.
// Run in a child process (Eleventy loads .eleventy.ts through tsx):
//   node --import tsx tests/site/render-both-ways.ts <content> <out>

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Eleventy from '@11ty/eleventy';
import { loadConfig } from '../../src/check/config.ts';
import { handOver } from '../../src/site/data.ts';
import { outputFile } from '../../src/site/incremental.ts';
import { pageRenderer } from '../../src/site/render-pages.ts';
import { buildSite, loadPublished, schemaJson } from '../../src/site/site-data.ts';

const [content, out] = process.argv.slice(2) as [string, string];
process.env.GONGKAI_CONTENT = content;
const { published, errors } = await loadPublished(content, await loadConfig(undefined));
if (errors.length) throw new Error(`${content} has errors`);
const { pages } = buildSite(published, schemaJson());
handOver({ pages, downloads: [] });
const eleventy = new Eleventy('templates', out, { configPath: '.eleventy.ts', quietMode: true });
await eleventy.init();
await eleventy.write();
const render = pageRenderer();
const differ = pages.filter((p) => render(p) !== readFileSync(join(out, outputFile(p.url)), 'utf8')).map((p) => p.url);
console.log(JSON.stringify({ pages: pages.length, kinds: [...new Set(pages.map((p) => p.kind))].sort(), differ }));
