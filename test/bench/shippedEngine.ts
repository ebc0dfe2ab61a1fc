/**
 * The engine as the pane runs it: its modules bundled into one, where they call each other
 * directly. Run from its TypeScript sources under tsx, every call to an imported function reads the
 * name through a getter (esbuild's CommonJS exports), which costs the engine a tenth to a fifth of
 * its time and is not part of what ships.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Engine = Pick<typeof import('../../src/domain/analyse'), 'analyse' | 'Analyser'> &
  Pick<typeof import('../../src/domain/assess'), 'assess'> &
  Pick<typeof import('../../src/domain/actions/rules'), 'proposeActions'>;

const ENTRY = `
export { analyse, Analyser } from './analyse';
export { assess } from './assess';
export { proposeActions } from './actions/rules';
`;

export function shippedEngine(): Engine {
  const dir = mkdtempSync(path.join(tmpdir(), 'engine-bench-'));
  try {
    const outfile = path.join(dir, 'engine.js');
    buildSync({
      stdin: { contents: ENTRY, resolveDir: path.resolve(__dirname, '../../src/domain'), loader: 'ts' },
      outfile,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'es2022',
      logLevel: 'error',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module built at run time
    return require(outfile) as Engine;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
