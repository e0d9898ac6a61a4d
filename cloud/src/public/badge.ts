/** Escapes text for SVG/XML content and attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char] ?? char);
}

// Verdana 11px, as shields.io badges: an average advance that is close enough for short labels.
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[ilI.,:;'|!·]/.test(char) ? 3.5 : /[mwMW]/.test(char) ? 9.5 : /[A-Z0-9]/.test(char) ? 7.5 : 6.5;
  return Math.ceil(width);
}

/**
 * A shields-style two-part badge ("label | message") as SVG text. Both parts are escaped: the
 * message may one day carry user text, and the badge is embedded in other sites' pages.
 */
export function renderBadge(label: string, message: string, color: string): string {
  const left = textWidth(label) + 12;
  const right = textWidth(message) + 12;
  const total = left + right;
  const safeLabel = escapeXml(label);
  const safeMessage = escapeXml(message);
  const safeColor = /^#[0-9a-f]{3,6}$/i.test(color) ? color : '#9f9f9f';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${safeLabel}: ${safeMessage}">`,
    `<title>${safeLabel}: ${safeMessage}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${total}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${left}" height="20" fill="#555"/><rect x="${left}" width="${right}" height="20" fill="${safeColor}"/><rect width="${total}" height="20" fill="url(#s)"/></g>`,
    '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">',
    `<text x="${left / 2}" y="14">${safeLabel}</text>`,
    `<text x="${left + right / 2}" y="14">${safeMessage}</text>`,
    '</g></svg>',
  ].join('');
}
