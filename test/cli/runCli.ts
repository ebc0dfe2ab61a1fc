/** Runs the command line in-process and captures what it prints. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/program';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Budget of a test that reads and writes real workbooks: generous, because such a test may run
 * on a busy machine where one exceljs round trip takes seconds. Never a measure of speed.
 */
export const FILE_WORK_MS = 240_000;

export async function runCli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (text) => (out += text), err: (text) => (err += text), errIsTTY: false });
  return { code, out, err };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `resomedit-${prefix}-`));
}
