/** The `info` link every Cumulocity error body carries. */
export const ERROR_INFO = 'https://www.cumulocity.com/guides/reference/rest-implementation';

/** The Cumulocity error body: `{error: "<resource>/<Name>", message, info}`. */
export interface C8yErrorBody {
  error: string;
  message: string;
  info: string;
}

/**
 * Throw this from a handler to answer with a Cumulocity error. Anything else thrown becomes a 500.
 *
 * @example throw new C8yHttpError(404, 'inventory/Not Found', 'Finding device data from database failed')
 */
export class C8yHttpError extends Error {
  constructor(
    readonly status: number,
    /** `<resource>/<Name>`, e.g. `inventory/Not Found`. */
    readonly error: string,
    message: string,
    /** Extra response headers (e.g. `Allow` on 405, `Retry-After` on 429). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'C8yHttpError';
  }

  /** The JSON body sent to the client. */
  toBody(): C8yErrorBody {
    return { error: this.error, message: this.message, info: ERROR_INFO };
  }
}

/**
 * Factories for the errors areas need most. `resource` is the prefix of the `error` field
 * (`inventory`, `alarm`, `users`, …); names follow the examples in the OpenAPI spec.
 */
export const errors = {
  badRequest: (resource: string, message: string) => new C8yHttpError(400, `${resource}/Bad Request`, message),
  unauthorized: (message = 'Invalid credentials! : Bad credentials') =>
    new C8yHttpError(401, 'security/Unauthorized', message),
  forbidden: (message = 'Access is denied') => new C8yHttpError(403, 'security/Forbidden', message),
  notFound: (resource: string, message: string) => new C8yHttpError(404, `${resource}/Not Found`, message),
  methodNotAllowed: (allowed: readonly string[]) =>
    new C8yHttpError(405, 'general/Method Not Allowed', 'Request method not supported', { Allow: allowed.join(', ') }),
  notAcceptable: (resource: string, message: string) => new C8yHttpError(406, `${resource}/Not Acceptable`, message),
  conflict: (resource: string, message: string, name = 'Duplicate') => new C8yHttpError(409, `${resource}/${name}`, message),
  payloadTooLarge: (resource: string, limit: number) =>
    new C8yHttpError(413, `${resource}/Payload Too Large`, `Request body exceeds ${limit} bytes`),
  unsupportedMediaType: (resource: string, contentType: string) =>
    new C8yHttpError(415, `${resource}/Unsupported Media Type`, `Content type '${contentType}' not supported`),
  invalidData: (resource: string, message: string) => new C8yHttpError(422, `${resource}/Invalid Data`, message),
  internal: (message = 'Internal server error') => new C8yHttpError(500, 'general/Internal Server Error', message),
} as const;
