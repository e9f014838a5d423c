// Escaping text for HTML: the one place that does it.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const TO_ESCAPE = /[&<>"']/;
const IN_ATTRIBUTE = /[&<>"]/;

// Each tested first: nearly every label and value has nothing to escape, and a test is cheaper than a replace.

export const escapeHtml = (text: string) => (TO_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!) : text);

/** For a double-quoted attribute: an apostrophe needs no escape there, and kept it keeps a value such as a font-family list readable. */
export const escapeQuotedAttribute = (text: string) => (IN_ATTRIBUTE.test(text) ? text.replace(/[&<>"]/g, (ch) => ENTITIES[ch]!) : text);
