export { CumulocityRestClient } from './rest-client.js';
export type { RestClient } from './rest-client-interface.js';
export type {
  CallOptions,
  FetchFunction,
  ProcessingMode,
  RequestOptions,
  RequestOptionsWithBody,
  ResponseType,
  RestClientOptions,
} from './options.js';
export { apiPath, encodePathSegment } from './api-path.js';
export { normalizeBaseUrl, resolveRequestUrl } from './base-url.js';
export { toQueryString, type QueryParams, type QueryValue } from './query-string.js';
export {
  contentDispositionFor,
  filenameFromContentDisposition,
  type Download,
  type DownloadedBytes,
  type FileContent,
  type MultipartUpload,
} from './binary.js';
export { assertHeader } from './headers.js';
