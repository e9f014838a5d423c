// Escaping text for HTML: the one place that does it.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const TO_ESCAPE = /[&<>"']/;

/** Tested first: nearly every label and value has nothing to escape, and a test is cheaper than a replace. */
export const escapeHtml = (text: string) => (TO_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!) : text);
