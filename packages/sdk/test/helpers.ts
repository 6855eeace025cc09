import nock from 'nock';
import { PassThrough } from 'node:stream';
import { isCumulocityError } from '@c8y/rest-core';
import { BASE, mt } from '@c8y/test-support';

export { BASE, mt, useNock } from '@c8y/test-support';

/** An unsigned JWT with `claims` (the SDK reads claims without verifying). */
export function makeJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** Seconds since the epoch, `offsetMs` from now. */
export const epochIn = (offsetMs: number) => Math.floor((Date.now() + offsetMs) / 1000);

/** What arrived at a nock interceptor. */
export interface Seen {
  path: string;
  body: string;
  authorization: string | undefined;
}

/**
 * Serves `GET /tenant/loginOptions` (OAI-Secure offered, or only Basic) and `POST /tenant/oauth`
 * at `origin`: `accept(form)` decides each login — `true` sets the cookies of a token for
 * `tenant/user`, a string answers 401 with that message.
 */
export function serveOaiLogin(options: {
  origin?: string;
  tenant?: string;
  user?: string;
  logins?: number;
  accept: (form: URLSearchParams) => true | string;
}): Seen[] {
  const origin = options.origin ?? BASE;
  const tenant = options.tenant ?? 't100';
  const seen: Seen[] = [];
  const logins = options.logins ?? 1;
  const scope = nock(origin);
  scope
    .get(/^\/tenant\/loginOptions(\?.*)?$/)
    .times(logins)
    .reply(200, {
      loginOptions: [{ type: 'OAUTH2_INTERNAL', grantType: 'PASSWORD', initRequest: `${origin}/tenant/oauth?tenant_id=${tenant}` }, { type: 'BASIC' }],
    });
  scope
    .post(/^\/tenant\/oauth(\?.*)?$/)
    .times(logins)
    .reply(function (uri, body) {
      const form = new URLSearchParams(String(body));
      seen.push({ path: uri, body: String(body), authorization: this.req.headers['authorization'] as string | undefined });
      const verdict = options.accept(form);
      if (verdict !== true) return [401, { error: 'security/Unauthorized', message: verdict }, { 'Content-Type': mt('error') }];
      const token = makeJwt({ sub: form.get('username'), ten: tenant, exp: epochIn(3_600_000), xsrfToken: 'xsrf-1' });
      return [200, '', { 'Set-Cookie': [`authorization=${token}; Path=/; HttpOnly`, 'XSRF-TOKEN=xsrf-1; Path=/'] }];
    });
  return seen;
}

/** A writable that keeps everything written to it as text. */
export function recorder(): PassThrough & { text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return Object.assign(stream, { text: () => text });
}

/**
 * A scripted terminal: `stdin` and `stdout` streams for getClient, and `answer(question, text)`,
 * which waits until `question` is shown (for the n-th time, counting earlier answers to it) and
 * then types `text` and Enter — as a person would, after the prompt.
 */
export function terminal() {
  const stdin = new PassThrough();
  const stdout = recorder();
  const stderr = recorder();
  const script: Array<[string, string]> = [];
  const asked = new Map<string, number>();
  let running = false;

  const occurrences = (text: string, part: string) => text.split(part).length - 1;
  const step = () => {
    running = true;
    const next = () => {
      const entry = script.shift();
      if (entry === undefined) {
        running = false;
        return;
      }
      const [question, text] = entry;
      const want = (asked.get(question) ?? 0) + 1;
      const check = () => {
        if (occurrences(stdout.text(), question) >= want) {
          stdout.off('data', check);
          asked.set(question, want);
          stdin.write(`${text}\n`);
          next();
        }
      };
      stdout.on('data', check);
      check();
    };
    next();
  };

  return {
    stdin,
    stdout,
    stderr,
    /** Queues an answer: typed once `question` appears (again). */
    answer(question: string, text: string) {
      script.push([question, text]);
      if (!running) step();
      return this;
    },
    /** Answers not yet typed. */
    pending: () => script.map(([question]) => question),
  };
}

/** Asserts that `promise` rejects with a Cumulocity error of `kind`; resolves the error. */
export async function rejection<K extends 'InvalidInputError' | 'UnauthorizedError' | 'TfaRequiredError' | 'CumulocityError'>(
  promise: Promise<unknown>,
  kind: K,
): Promise<Error & { path?: string }> {
  const thrown = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isCumulocityError(thrown, kind)) throw new Error(`expected ${kind}, got ${String(thrown)}`);
  return thrown as Error & { path?: string };
}
