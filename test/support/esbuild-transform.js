/**
 * Jest transform: TypeScript, JSX and ES modules to CommonJS by esbuild, file by file (the
 * tsconfig's isolatedModules guarantees each file compiles alone). No type checking here: that is
 * `npm run typecheck`. About thirty times cheaper than the TypeScript compiler's transpilation.
 */
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

/** A new esbuild or a change here invalidates Jest's cached transforms. */
const SELF = createHash('sha256').update(version).update(readFileSync(__filename)).digest('hex');

const LOADERS = { '.ts': 'ts', '.tsx': 'tsx', '.mts': 'ts', '.jsx': 'jsx' };

module.exports = {
  process(source, file) {
    const extension = /\.[^./]+$/.exec(file)?.[0] ?? '';
    const { code, map } = transformSync(source, {
      sourcefile: file,
      loader: LOADERS[extension] ?? 'js',
      format: 'cjs',
      // The tsconfig's target and JSX (react-jsx).
      target: 'es2022',
      jsx: 'automatic',
      // import() of the code loaded on demand becomes a require, as Jest's module registry needs.
      supported: { 'dynamic-import': false },
      sourcemap: true,
      sourcesContent: false,
    });
    return { code, map };
  },

  getCacheKey(source, file, { configString }) {
    return createHash('sha256').update(SELF).update('\0').update(file).update('\0').update(source).update('\0').update(configString).digest('hex');
  },
};
