/**
 * Scenario 5's explanation: which module files a contender's imports load, counted by a module
 * hook, and the CPU the imports take (user + system). A run of its own: the hook slows loading, so
 * the timed cold starts run without it.
 *
 * Usage: `node count-modules.js <specifier>...` → `{ modules, packages: { name: count }, importCpuMs }`
 */
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const urls: string[] = [];
port1.on('message', (url: string) => urls.push(url));
register('./count-modules-hook.js', import.meta.url, { data: { port: port2 }, transferList: [port2] });

const before = process.cpuUsage();
for (const specifier of process.argv.slice(2)) await import(specifier);
const used = process.cpuUsage(before);
// Let the hook thread's last messages arrive.
await new Promise((resolve) => setTimeout(resolve, 50));
port1.close();

const packages: Record<string, number> = {};
for (const url of urls) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url) ?? /\/(packages|tooling)\/([^/]+)\//.exec(url);
  const name = match === null ? 'other' : match[1] === 'packages' || match[1] === 'tooling' ? `@c8y/${match[2]}` : (match[1] as string);
  packages[name] = (packages[name] ?? 0) + 1;
}
process.stdout.write(`${JSON.stringify({ modules: urls.length, packages, importCpuMs: Math.round((used.user + used.system) / 1000) })}\n`);
