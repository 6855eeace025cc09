import type { JsonValue } from '../json/json-types.js';
import { JsonView } from './json-view.js';

/**
 * One change listed in an audit record (`changes[]`).
 *
 * @example
 * ```ts
 * const record = AuditRecord.fromJSON(c8y, await c8y.get(apiPath`/audit/auditRecords/${id}`));
 * for (const change of record.changes) console.log(change.attribute, change.previousValue, '→', change.newValue);
 * const [change] = record.changes;
 * ```
 */
export class Change extends JsonView {
  /**
   * The attribute that changed.
   * @example
   * ```ts
   * change.attribute; // 'status'
   * ```
   */
  get attribute(): string | undefined {
    return this.stringField('attribute');
  }

  /**
   * `ADDED` or `REPLACED`.
   * @example
   * ```ts
   * change.changeType;
   * ```
   */
  get changeType(): 'ADDED' | 'REPLACED' | undefined {
    return this.stringField('changeType') as 'ADDED' | 'REPLACED' | undefined;
  }

  /**
   * The value before.
   * @example
   * ```ts
   * change.previousValue; // 'ACTIVE'
   * ```
   */
  get previousValue(): JsonValue | undefined {
    return this.get('previousValue');
  }

  /**
   * The value after.
   * @example
   * ```ts
   * change.newValue; // 'CLEARED'
   * ```
   */
  get newValue(): JsonValue | undefined {
    return this.get('newValue');
  }

  /**
   * The type of the changed value, if given.
   * @example
   * ```ts
   * change.type;
   * ```
   */
  get type(): string | undefined {
    return this.stringField('type');
  }
}
