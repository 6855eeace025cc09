import { errors } from './errors.js';

/** Characters a response header value may carry (visible ASCII, space, tab): no CR/LF, no controls, nothing beyond ASCII. */
const HEADER_SAFE = /^[\t\x20-\x7e]*$/;

/**
 * The content type of an uploaded file, as it will be sent back in `Content-Type` on download:
 * 422 `<resource>/Invalid Data` if it could not be a header value (line breaks, controls,
 * non-ASCII), since a stored value Node cannot send would break every later download.
 */
export function uploadContentType(value: string, resource: string): string {
  if (!HEADER_SAFE.test(value)) throw errors.invalidData(resource, `Invalid content type '${value}'`);
  return value;
}

/**
 * `attachment; filename="…"` with an RFC 5987 `filename*` for non-ASCII names: characters a header
 * cannot carry (line breaks, quotes, non-ASCII) become `_` in `filename`. File names are
 * well-formed Unicode (request JSON with unpaired surrogates is refused), so `filename*` encodes.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
