import type { HttpMethod } from '../retry/retry-policy.js';
import type { Download, DownloadedBytes, MultipartUpload, FileContent } from './binary.js';
import type { RequestOptions, RequestOptionsWithBody } from './options.js';

/**
 * What model objects and context packages need from a client. `CumulocityRestClient`
 * implements it; tests and wrappers can too.
 */
export interface RestClient {
  /** The normalised tenant URL, without a trailing slash. */
  readonly baseUrl: string;
  get<T = unknown>(path: string, options?: RequestOptions): Promise<T>;
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T = void>(path: string, options?: RequestOptions): Promise<T>;
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptionsWithBody): Promise<T>;
  uploadMultipart<T = unknown>(path: string, upload: MultipartUpload, options?: RequestOptions): Promise<T>;
  putBinary<T = unknown>(path: string, data: FileContent, file: { contentType?: string; filename?: string }, options?: RequestOptions): Promise<T>;
  download(path: string, options?: RequestOptions): Promise<Download>;
  downloadBytes(path: string, options?: RequestOptions): Promise<DownloadedBytes>;
  getTenantId(options?: { signal?: AbortSignal }): Promise<string>;
}
