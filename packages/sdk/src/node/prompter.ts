import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';
import { CumulocityError } from '@c8y/rest-core';
import type { TextInput, TextOutput } from './streams.js';

/**
 * Questions on a terminal, one line per answer: visible (`ask`) or hidden (`askHidden`, for
 * passwords: nothing of the answer reaches the output). Lines typed before a question is asked
 * are kept for the next question, not lost. Ctrl+C or the end of the input rejects the pending
 * question with a `CumulocityError`.
 *
 * @example
 * ```ts
 * const prompter = new Prompter(process.stdin, process.stdout);
 * try {
 *   const user = await prompter.ask('User: ');
 *   const password = await prompter.askHidden('Password: ');
 *   console.log(user, password.length);
 * } finally {
 *   prompter.close();
 * }
 * ```
 */
export class Prompter {
  readonly #output: TextOutput;
  readonly #readline: Interface;
  readonly #lines: string[] = [];
  readonly #waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  #muted = false;
  #ended: Error | undefined;
  #closed = false;

  constructor(input: TextInput, output: TextOutput) {
    this.#output = output;
    // readline echoes what is typed (the terminal is in raw mode); a hidden answer mutes that echo.
    const echo = new Writable({
      write: (chunk: Buffer | string, _encoding, callback) => {
        if (!this.#muted) output.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
        callback();
      },
    });
    this.#readline = createInterface({ input: input as unknown as NodeJS.ReadableStream, output: echo, terminal: true, historySize: 0 });
    this.#readline.on('line', (line: string) => {
      const waiter = this.#waiting.shift();
      if (waiter === undefined) this.#lines.push(line);
      else waiter.resolve(line);
    });
    this.#readline.on('SIGINT', () => this.#end(new CumulocityError('cancelled (Ctrl+C)')));
    this.#readline.on('close', () => {
      this.#closed = true;
      this.#end(new CumulocityError('the input ended before an answer was given'));
    });
  }

  /** Asks `question` and resolves the answer (the line without its end). */
  ask(question: string): Promise<string> {
    this.#readline.setPrompt(question);
    this.#readline.prompt();
    return this.#next();
  }

  /** Asks `question`; the answer is not echoed. */
  async askHidden(question: string): Promise<string> {
    // Muted before the question shows: an answer typed at once is not echoed either.
    this.#muted = true;
    this.#readline.setPrompt('');
    this.#output.write(question);
    try {
      return await this.#next();
    } finally {
      this.#muted = false;
      this.#output.write('\n');
    }
  }

  /** Rejects the pending question (and any later one) with `reason`, and releases the input. */
  cancel(reason: Error): void {
    this.#end(reason);
  }

  /** Releases the input (restores the terminal mode). Pending questions reject. */
  close(): void {
    if (!this.#closed) this.#readline.close();
  }

  #next(): Promise<string> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.#ended !== undefined) return Promise.reject(this.#ended);
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }

  #end(error: Error): void {
    this.#ended ??= error;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
    this.close();
  }
}
