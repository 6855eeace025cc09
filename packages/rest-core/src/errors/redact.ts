/**
 * Masks credentials that a lower layer may have put into a text (some fetch mocks and proxies
 * echo request headers in their error messages): `Basic …`, `Bearer …`, `authorization=…`
 * cookies and `X-XSRF-TOKEN` values.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/gi, '$1 ***')
    .replace(/\b(authorization|xsrf-token|x-xsrf-token|tfatoken)(["']?\s*[:=]\s*["']?)[^"';,\s]+/gi, '$1$2***');
}
