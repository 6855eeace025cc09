/**
 * A module hook for `count-modules.ts`: posts the URL of every module Node loads to the port it
 * is given (hooks run on their own thread).
 */
import type { MessagePort } from 'node:worker_threads';

let port: MessagePort | undefined;

export function initialize(data: { port: MessagePort }): void {
  port = data.port;
}

export async function load(url: string, context: unknown, nextLoad: (url: string, context: unknown) => Promise<unknown>): Promise<unknown> {
  if (!url.startsWith('node:')) port?.postMessage(url);
  return nextLoad(url, context);
}
