import { cloneJson } from '../json/clone.js';
import type { JsonObject } from '../json/json-types.js';
import { applyFragments, diffFragments } from './diff.js';

/**
 * A JSON document with its server state and its local state kept apart.
 *
 * The server state (`source`) is never modified; it is replaced as a whole when a reply arrives.
 * The local state is a copy made on first need (copy on write): an object parsed from a server
 * reply and only read costs no copy. `changes()` is the difference between the two.
 *
 * @example
 * ```ts
 * const doc = new TrackedDocument({ id: '1', name: 'a' });
 * doc.writable().name = 'b';
 * doc.changes(new Set(['id'])); // { name: 'b' }
 * ```
 */
export class TrackedDocument {
  #source: JsonObject;
  #working: JsonObject | undefined;

  constructor(source: JsonObject = {}, working?: JsonObject) {
    this.#source = source;
    this.#working = working;
  }

  /** The server state. Do not modify it. */
  get source(): Readonly<JsonObject> {
    return this.#source;
  }

  /** The current state for reading (the local copy if there is one). Do not modify it. */
  get current(): Readonly<JsonObject> {
    return this.#working ?? this.#source;
  }

  /** The local copy, made now if needed; changes to it are tracked. */
  writable(): JsonObject {
    this.#working ??= cloneJson(this.#source);
    return this.#working;
  }

  /** The partial-update body: see `diffFragments`. */
  changes(exclude?: ReadonlySet<string>): JsonObject {
    return this.#working === undefined ? {} : diffFragments(this.#source, this.#working, exclude);
  }

  /** Takes `source` as the new server state and drops local changes. */
  reset(source: JsonObject): void {
    this.#source = source;
    this.#working = undefined;
  }

  /** Takes `source` as the new server state and keeps local changes on top of it. */
  rebase(source: JsonObject, exclude?: ReadonlySet<string>): void {
    const changes = this.changes(exclude);
    this.#source = source;
    this.#working = Object.keys(changes).length === 0 ? undefined : applyFragments(source, changes);
  }
}
