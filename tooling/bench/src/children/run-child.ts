import { execFile } from 'node:child_process';

/**
 * Runs one of the bench's child scripts (`dist/children/<name>.js`) in a fresh Node process and
 * parses the JSON line it prints last.
 */
export function runChild<T>(name: string, args: readonly string[], nodeOptions: readonly string[] = []): Promise<T> {
  const script = new URL(`./${name}.js`, import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...nodeOptions, script, ...args], { maxBuffer: 16 * 2 ** 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${name} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${name} printed no JSON result:\n${stdout}\n${stderr}`));
      }
    });
  });
}
