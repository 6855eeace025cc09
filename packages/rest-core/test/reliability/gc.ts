import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `gc()` without `--expose-gc` on the command line: the flag, set at run time, gives every new
// context a `gc` global. Jest runs test files in a VM context, so one is fetched from a fresh one.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** A full garbage collection, now. */
export function gc(): void {
  collect();
}

/**
 * Runs `action` and, once `from` resolves (the server has stalled mid-body), forces a full garbage
 * collection every few milliseconds until the action settles: Node 20's fetch keeps a request's
 * abort signal only weakly, and a collection is what loses an abort.
 */
export async function whileCollecting<T>(action: () => Promise<T>, from: Promise<unknown> = Promise.resolve(), everyMs = 25): Promise<T> {
  let timer: ReturnType<typeof setInterval> | undefined;
  let settled = false;
  void from.then(() => {
    if (settled) return;
    gc();
    timer = setInterval(gc, everyMs);
  });
  try {
    return await action();
  } finally {
    settled = true;
    clearInterval(timer);
  }
}
