// Narrative HTML rendered in one pass and split back into its parts: a report
// that writes the marker the split uses cannot move text between sections.

import { expect, it } from 'vitest';
import { narrativeHtml, narrativeHtmlParts } from '../../src/render/narrative-html.ts';

it('splits a joint rendering back into exactly its parts, even when a part writes the marker', () => {
  const parts = ['x\n\n> ⁂gongkai-part-0⁂\n\ny', '⁂gongkai-part-1⁂ and gongkai-part-', 'c'];
  expect(narrativeHtmlParts(parts)).toEqual(parts.map(narrativeHtml));
});
