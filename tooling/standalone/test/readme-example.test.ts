import { describe, expect, it } from '@jest/globals';
import { findStandaloneExample, installedByReadme } from '../src/readme-example.js';

const readme = (...lines: string[]): string => lines.join('\n');

describe('findStandaloneExample', () => {
  it('takes the ts block after the marker and the text block after it as its output', () => {
    const text = readme(
      '# pkg',
      '```ts',
      "console.log('not this one');",
      '```',
      '',
      '<!-- standalone -->',
      '```ts',
      "console.log('a');",
      "console.log('b');",
      '```',
      '',
      'It prints:',
      '',
      '```text',
      'a',
      'b',
      '```',
    );
    expect(findStandaloneExample('README.md', text)).toEqual({ source: 'README.md', line: 7, code: "console.log('a');\nconsole.log('b');", output: 'a\nb' });
  });

  it('is undefined without a marker', () => {
    expect(findStandaloneExample('README.md', readme('```ts', 'x;', '```'))).toBeUndefined();
  });

  it('refuses a marker that does not stand before a ts block', () => {
    expect(() => findStandaloneExample('README.md', readme('<!-- standalone -->', '```sh', 'npm test', '```'))).toThrow('README.md:1: <!-- standalone --> must stand right before');
    expect(() => findStandaloneExample('README.md', readme('<!-- standalone -->', 'prose', '```ts', 'x;', '```'))).toThrow('README.md:1:');
  });

  it('refuses an example without an output block, or a non-text block after it', () => {
    expect(() => findStandaloneExample('README.md', readme('<!-- standalone -->', '```ts', 'x;', '```'))).toThrow('README.md:4: a standalone example must be followed by a ```text block');
    expect(() => findStandaloneExample('README.md', readme('<!-- standalone -->', '```ts', 'x;', '```', '```json', '{}', '```'))).toThrow('```text block');
  });

  it('refuses two marked examples', () => {
    const one = ['<!-- standalone -->', '```ts', 'x;', '```', '```text', '```'];
    expect(() => findStandaloneExample('README.md', readme(...one, ...one))).toThrow('2 standalone examples marked (lines 1, 7)');
  });
});

describe('installedByReadme', () => {
  it('reads the @c8y names of the first install command', () => {
    expect(installedByReadme('R', readme('```sh', 'npm install @c8y/alarms @c8y/rest-core', '```', 'pnpm add @c8y/other'))).toEqual(['@c8y/alarms', '@c8y/rest-core']);
    expect(installedByReadme('R', readme('```sh', 'pnpm add @c8y/users @c8y/rest-core @c8y/model luxon', '```'))).toEqual(['@c8y/users', '@c8y/rest-core', '@c8y/model']);
  });

  it('requires one', () => {
    expect(() => installedByReadme('R', '# nothing to install')).toThrow('R: no install command');
  });
});
