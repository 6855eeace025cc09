/** A body the test feeds by hand; records how often it was pulled and with what it was cancelled. */
export function handFed() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const cancelled: unknown[] = [];
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (c) => {
        controller = c;
      },
      pull: () => {
        pulls += 1;
      },
      cancel: (reason) => {
        cancelled.push(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    cancelled,
    pulls: () => pulls,
    push: (...bytes: number[]) => controller.enqueue(Uint8Array.from(bytes)),
    close: () => controller.close(),
    error: (error: unknown) => controller.error(error),
  };
}

/** Whether `promise` settles before the next turn of the event loop (event order, not time). */
export async function settlesNow(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}
