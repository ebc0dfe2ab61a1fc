#!/usr/bin/env node
/** Entry point of the `resomedit-dmi` binary. */
import { processIo } from './io';
import { run } from './program';

void run(process.argv.slice(2), processIo).then((code) => {
  process.exitCode = code;
});
