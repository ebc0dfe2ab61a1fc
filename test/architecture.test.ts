/**
 * The layering of the README, checked on the sources: domain ← workbook port ← adapters ← pane / CLI,
 * one way only, no import cycle (type-only imports included), Office.js globals in one adapter folder,
 * and no dev-only oracle in what ships.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

const SRC = resolve(__dirname, '..', 'src');

interface SourceFile {
  path: string;
  /** Path relative to `src`, with `/` separators. */
  name: string;
  text: string;
  /** Relative imports resolved to files of `src`. */
  local: string[];
  /** Package imports (bare specifiers). */
  packages: string[];
}

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((p) => existsSync(p));
}

const sources: SourceFile[] = listSources(SRC).map((path) => {
  const text = readFileSync(path, 'utf8');
  const imports = ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName);
  const local = imports.filter((s) => s.startsWith('.')).map((s) => resolveImport(path, s));
  if (local.some((p) => p === undefined)) throw new Error(`${path}: an import does not resolve`);
  return {
    path,
    name: relative(SRC, path).split(sep).join('/'),
    text,
    local: (local as string[]).map((p) => relative(SRC, p).split(sep).join('/')),
    packages: imports.filter((s) => !s.startsWith('.')),
  };
});

const layerOf = (name: string): string => {
  const [top, sub] = name.split('/');
  return top === 'adapters' ? `adapters/${sub}` : top;
};

/** Which layers each layer may import (itself always allowed). */
const ALLOWED: Record<string, string[]> = {
  domain: [],
  views: ['domain'],
  workbook: ['domain'],
  'adapters/memory': ['domain', 'workbook'],
  'adapters/xlsx': ['domain', 'workbook'],
  'adapters/office': ['domain', 'workbook'],
  // The pane reads a picked .xlsx (last year's campaign) with the file adapter, in the browser.
  taskpane: ['domain', 'workbook', 'views', 'adapters/office', 'adapters/xlsx'],
  cli: ['domain', 'workbook', 'views', 'adapters/xlsx'],
  demo: ['domain', 'workbook', 'views', 'taskpane', 'adapters/memory', 'adapters/xlsx'],
};

describe('architecture of src/', () => {
  test('the sources are found and every layer is known', () => {
    expect(sources.length).toBeGreaterThan(100);
    const unknown = sources.filter((f) => f.name.includes('/') && !(layerOf(f.name) in ALLOWED)).map((f) => f.name);
    expect(unknown).toEqual([]);
  });

  test('each layer imports only the layers below it', () => {
    const breaches = sources.flatMap((file) => {
      const layer = layerOf(file.name);
      const allowed = new Set([layer, ...(ALLOWED[layer] ?? [])]);
      return file.local.filter((dep) => !allowed.has(layerOf(dep))).map((dep) => `${file.name} → ${dep}`);
    });
    expect(breaches).toEqual([]);
  });

  test('the domain, the port and the views import no package at all', () => {
    const withPackages = sources
      .filter((f) => ['domain', 'workbook', 'views'].includes(layerOf(f.name)) && f.packages.length > 0)
      .map((f) => `${f.name}: ${f.packages.join(', ')}`);
    expect(withPackages).toEqual([]);
  });

  test('the task pane reaches the Office adapter only from its entry point', () => {
    const importers = sources
      .filter((f) => layerOf(f.name) === 'taskpane' && f.local.some((dep) => layerOf(dep) === 'adapters/office'))
      .map((f) => f.name);
    expect(importers).toEqual(['taskpane/index.tsx']);
  });

  test('Office.js globals are used in the Office adapter only', () => {
    const officeCalls = /\b(Excel\.(run|RequestContext|createWorkbook)|Office\.(onReady|context|initialize))\b/;
    const outside = sources.filter((f) => layerOf(f.name) !== 'adapters/office' && officeCalls.test(f.text)).map((f) => f.name);
    expect(outside).toEqual([]);
    expect(sources.filter((f) => officeCalls.test(f.text)).length).toBeGreaterThan(0);
  });

  test('no import cycle, type-only imports included', () => {
    const byName = new Map(sources.map((f) => [f.name, f]));
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (name: string): void => {
      state.set(name, 'open');
      stack.push(name);
      for (const dep of byName.get(name)?.local ?? []) {
        if (state.get(dep) === 'open') cycles.push([...stack.slice(stack.indexOf(dep)), dep].join(' → '));
        else if (!state.has(dep)) visit(dep);
      }
      stack.pop();
      state.set(name, 'done');
    };
    for (const f of sources) if (!state.has(f.name)) visit(f.name);
    expect(cycles).toEqual([]);
  });

  test('the GPL formula engine used as a test oracle never ships', () => {
    expect(sources.filter((f) => f.packages.some((p) => p.startsWith('hyperformula'))).map((f) => f.name)).toEqual([]);
  });
});
