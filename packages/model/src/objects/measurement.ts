import { type CallOptions, type IdLike, type RestClient } from '@c8y/rest-core';
import { isJsonObject } from '../json/json-types.js';
import { measurementResource } from '../resources.js';
import { MeasurementSchema } from '../schemas/data.js';
import type { TimeInput } from '../time/time-input.js';
import type { ObjectInit } from './cumulocity-object.js';
import type { ObjectMeta } from './object-meta.js';
import { SourcedObject } from './sourced-object.js';

const META: ObjectMeta = {
  className: 'Measurement',
  resource: measurementResource,
  readOnly: ['id', 'self'],
  schema: MeasurementSchema,
};

/**
 * The init object of a `Measurement`: `type`, `source`, `time` and value fragments.
 *
 * @example
 * ```ts
 * const init: MeasurementInit = { type: 'c8y_Temperature', source: '1', time: 'now', c8y_Temperature: { T: new Celsius(21) } };
 * ```
 */
export interface MeasurementInit extends ObjectInit {
  type?: string;
  source?: IdLike;
  time?: TimeInput;
}

/**
 * A measurement (`/measurement/measurements`): values of one source at one time, grouped in
 * fragments → series → `{ value, unit }`. `@c8y/units` values compose inside fragments.
 * Measurements cannot be changed once created (Cumulocity has no update for them).
 *
 * @example
 * ```ts
 * const m = await new Measurement(c8y, {
 *   type: 'cx_LevelMeasurement', source: deviceId, time: 'now',
 *   cx_Levels: { oil: new Liters(8.4), gas: new Liters(223.18), h2o: new Liters(1.2), bat: new Percent(85) },
 * }).create();
 * m.get('cx_Levels.oil.value'); // 8.4
 * ```
 */
export class Measurement extends SourcedObject {
  constructor(c8y?: RestClient, init?: MeasurementInit) {
    super(c8y, init);
  }

  protected get meta(): ObjectMeta {
    return META;
  }

  /**
   * The series it holds as `fragment.series` (each a `{ value, … }` object).
   * @example
   * ```ts
   * m.seriesNames; // ['cx_Levels.oil', 'cx_Levels.gas', 'cx_Levels.h2o', 'cx_Levels.bat']
   * ```
   */
  get seriesNames(): string[] {
    const names: string[] = [];
    for (const [fragment, content] of Object.entries(this.toJSON())) {
      if (!isJsonObject(content)) continue;
      for (const [series, value] of Object.entries(content)) {
        if (isJsonObject(value) && Object.hasOwn(value, 'value')) names.push(`${fragment}.${series}`);
      }
    }
    return names;
  }

  /**
   * Creates it (`POST /measurement/measurements`) and returns it with its id.
   * @throws InvalidInputError when `source`, `type` or `time` is missing, before any request.
   * @example
   * ```ts
   * const created = await m.create();
   * ```
   */
  async create(options?: CallOptions): Promise<this> {
    return this.createObject(options);
  }

  /**
   * Reloads it (`GET /measurement/measurements/{id}`).
   * @example
   * ```ts
   * await m.reload();
   * ```
   */
  async reload(options?: CallOptions): Promise<this> {
    return this.reloadObject(options);
  }

  /**
   * Deletes it (`DELETE /measurement/measurements/{id}`).
   * @example
   * ```ts
   * await m.delete();
   * ```
   */
  async delete(options?: CallOptions): Promise<void> {
    return this.deleteObject(undefined, options);
  }
}
