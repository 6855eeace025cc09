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
 * Runs `action` while a full garbage collection is forced every few milliseconds (Node 20's fetch
 * keeps a request's abort signal only weakly: a collection is what loses an abort), and stops
 * collecting once it settles.
 */
export async function whileCollecting<T>(action: () => Promise<T>, everyMs = 10): Promise<T> {
  const timer = setInterval(gc, everyMs);
  try {
    return await action();
  } finally {
    clearInterval(timer);
  }
}
