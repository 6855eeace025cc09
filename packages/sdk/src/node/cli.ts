#!/usr/bin/env node
// The `c8y` bin: a REPL with a connected client (see ./run-cli.ts).
import process from 'node:process';
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
