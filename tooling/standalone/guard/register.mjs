// Loaded with `node --import` before the example: from here on, every module the process loads
// must resolve to a file inside the project it runs in (its cwd) or be a Node.js builtin.
import { realpathSync } from 'node:fs';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const project = `${pathToFileURL(realpathSync(process.cwd())).href}/`;
register('./hooks.mjs', import.meta.url, { data: { project } });
