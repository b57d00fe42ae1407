#!/usr/bin/env node
// The only place that ends the process: everything else returns an exit code.
import { run } from '../dist/bundle/cli.js';

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  // A getter: process.stdin is only opened when init asks a question.
  get stdin() {
    return process.stdin;
  },
});
