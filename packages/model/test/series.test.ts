import { describe, expect, it } from '@jest/globals';
import { Series } from '../src/index.js';
import { expectInvalid } from './helpers.js';

// Shape of GET /measurement/measurements/series (OAS MeasurementSeries), with gaps as in pyc8y's fixture.
const json = {
  values: {
    '2023-04-04T16:00:00.000Z': [{ min: 10, max: 39 }],
    '2023-04-04T17:00:00.000Z': [{}, { min: 5, max: 6 }],
    '2023-04-04T18:00:00.000Z': [{ min: 11, max: 12 }, null],
  },
  series: [
    { unit: '°C', name: 'T', type: 'c8y_Temperature' },
    { unit: '%', name: 'H', type: 'c8y_Humidity' },
  ],
  truncated: false,
};

describe('Series', () => {
  const series = new Series(json);

  it('describes the series', () => {
    expect(series.seriesNames).toEqual(['c8y_Temperature.T', 'c8y_Humidity.H']);
    expect(series.specs[0]).toEqual({ type: 'c8y_Temperature', name: 'T', unit: '°C', series: 'c8y_Temperature.T' });
    expect(series.truncated).toBe(false);
    expect(series.timestamps).toHaveLength(3);
  });

  it('collect: series-major rows with null for gaps', () => {
    expect(series.collect()).toEqual([
      [10, 39, null, null],
      [null, null, 5, 6],
      [11, 12, null, null],
    ]);
    expect(series.collect({ value: 'max' })).toEqual([
      [39, null],
      [null, 6],
      [12, null],
    ]);
  });

  it('collect: one series, chosen values, timestamps in several forms', () => {
    expect(series.collect({ series: 'c8y_Humidity.H', value: ['max', 'min'], timestamps: true })).toEqual([
      ['2023-04-04T16:00:00.000Z', null, null],
      ['2023-04-04T17:00:00.000Z', 6, 5],
      ['2023-04-04T18:00:00.000Z', null, null],
    ]);
    const [first] = series.collect({ series: ['c8y_Temperature.T'], value: 'min', timestamps: 'date' });
    expect(first?.[0]).toEqual(new Date('2023-04-04T16:00:00.000Z'));
    expect(series.collect({ series: 'c8y_Temperature.T', value: 'min', timestamps: 'epoch' })[0]).toEqual([Date.parse('2023-04-04T16:00:00.000Z'), 10]);
  });

  it('valuesOf skips gaps and needs names when ambiguous', () => {
    expect(series.valuesOf('c8y_Temperature.T', 'min')).toEqual([10, 11]);
    expectInvalid(() => series.valuesOf(), 'series', /name the series/);
    expectInvalid(() => series.valuesOf('c8y_Temperature.T'), 'value', /name the value: the series holds min, max/);
    expectInvalid(() => series.collect({ series: 'nope' }), 'series', /no series "nope"/);
    expect(new Series({ values: { t: [{ v: 1 }] }, series: [{ type: 'a', name: 'b' }] }).valuesOf()).toEqual([1]);
  });
});
