import { readFile, writeFile } from 'node:fs/promises';

const readme = new URL('../../README.md', import.meta.url);
const START = '<!-- results:start (written by a full `pnpm bench`) -->';
const END = '<!-- results:end -->';

/**
 * Puts a full run's results into the README between its markers, so that the README always shows
 * the results committed in results/latest.md (headings one level down, links relative to the README).
 */
export async function updateReadme(markdown: string): Promise<void> {
  const text = await readFile(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  const section = markdown
    .replace(/^# (.*)$/m, '### $1')
    .replaceAll(/^### Profile:/gm, '#### Profile:')
    .replaceAll(/^### Failed/gm, '#### Failed')
    .replace('![ratios](latest.svg)', '![Ratios to the raw baseline and to @c8y/client](results/latest.svg)')
    .trim();
  await writeFile(readme, `${text.slice(0, start + START.length)}\n${section}\n${text.slice(end)}`);
}
