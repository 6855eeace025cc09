/**
 * Where text is read: `process.stdin`, a `PassThrough`, a socket — any Node.js readable stream.
 * Declared by shape, so the declarations of `@c8y/sdk` need no `@types/node`.
 *
 * @example
 * ```ts
 * const input: TextInput = process.stdin;
 * ```
 */
export interface TextInput {
  /** Whether it is a terminal (questions are asked only on one). */
  readonly isTTY?: boolean;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/**
 * Where text is written: `process.stdout`, `process.stderr`, a `PassThrough` — any Node.js
 * writable stream.
 *
 * @example
 * ```ts
 * const output: TextOutput = process.stderr;
 * ```
 */
export interface TextOutput {
  /** Whether it is a terminal. */
  readonly isTTY?: boolean;
  write(text: string): unknown;
}
