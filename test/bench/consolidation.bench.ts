/**
 * Regional consolidation of 300 establishment workbooks that really differ: the template's 177
 * rows or up to 2,000 rows added, identity given or not, some saved again by LibreOffice. Prints
 * the total time, time per file and peak RSS of the command line run in a process of its own (the
 * reading workers included: they are threads of that process) at 30, 100 and 300 files, to show
 * both stay flat per file: the built command line (`tsc -p tsconfig.cli.json`, what is installed)
 * and the same run through tsx (what `npm run cli` does, TypeScript compiled on the fly).
 * Then `--precedent`: last year's 300 workbooks (other answers, same establishments) consolidated,
 * and this year's consolidated against that regional workbook, beside the plain consolidation.
 * Last, the peak memory of `analyse` on a file with a stray value at XFD1048576 and on a
 * 50,000-row cartographie.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomCartographie } from '../support/cartographie';
import { mapPart, PARTS, strayCell } from '../cli/hostile';
import { establishmentWorkbook, writeEstablishment } from '../cli/workbooks';

const FILES = 300;
const BATCHES = [30, 100, 300];
/** Every LIBREOFFICE_EVERY-th workbook is saved again by LibreOffice. */
const LIBREOFFICE_EVERY = 20;
const MiB = 1024 * 1024;

/** Rows an establishment added to the template: most none, some a few, a few many. */
function addedRows(seed: number): number {
  if (seed % 50 === 0) return 2000;
  if (seed % 10 === 0) return 300;
  if (seed % 3 === 0) return 20;
  return 0;
}

/** This year's workbooks in `dir`; `year` -1 gives last year's: the same establishments, other answers. */
export async function generate(dir: string, year: 0 | -1 = 0): Promise<string[]> {
  const files: string[] = [];
  const forLibreOffice: string[] = [];
  const staging = join(dir, 'avant-libreoffice');
  mkdirSync(staging, { recursive: true });
  for (let seed = 1; seed <= FILES; seed++) {
    const name = `es-${String(seed).padStart(3, '0')}.xlsx`;
    const viaLibreOffice = seed % LIBREOFFICE_EVERY === 0;
    const file = join(viaLibreOffice ? staging : dir, name);
    const identity = seed % 2 === 0 ? { name: `CH fictif n° ${seed}`, finess: String(100000000 + seed * 7919).slice(0, 9) } : undefined;
    await writeEstablishment(file, randomCartographie(seed - 1000 * year, addedRows(seed)), identity);
    if (viaLibreOffice) forLibreOffice.push(file);
    files.push(join(dir, name));
  }
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profil')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', dir, ...forLibreOffice], {
    stdio: 'pipe',
  });
  rmSync(staging, { recursive: true, force: true });
  rmSync(join(dir, 'profil'), { recursive: true, force: true });
  return files;
}

function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(0)} Mio`;
}

interface CliMeasure {
  code: number;
  /** Peak resident memory of the whole process, worker threads included. */
  maxRss: number;
  /** Processor time of the whole process (user and system), worker threads included: less sensitive than `ms` to a busy machine. */
  cpuMs: number;
  ms: number;
  out: string;
}

/**
 * Another checkout of the project (e.g. the previous release, with its node_modules) whose command
 * line is measured on the same files, side by side: RESOMEDIT_BENCH_BASELINE=/path/to/checkout.
 */
const BASELINE = process.env.RESOMEDIT_BENCH_BASELINE;
const ROOT = join(__dirname, '../..');

/** How the command line is started: compiled by tsc beforehand, or through tsx as `npm run cli` does. */
type Runner = 'compilé' | 'tsx';

/** Compiles the command line of the checkout at `root` (dist/cli), as `npm run build` does. */
function buildCli(root: string): void {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'pipe' });
}

/** Runs the command line of the checkout at `root` as a user would, in a process of its own, and measures it. */
function measureCli(args: string[], root = ROOT, runner: Runner = 'tsx'): CliMeasure | string {
  const program = runner === 'tsx' ? './src/cli/program' : './dist/cli/cli/program';
  const script = `const start = performance.now(); let out = ''; require(${JSON.stringify(program)}).run(${JSON.stringify(args)}, { out: (t) => { out += t; }, err: (t) => process.stderr.write(t), errIsTTY: false }).then((code) => { const usage = process.resourceUsage(); process.stdout.write(JSON.stringify({ code, maxRss: usage.maxRSS * 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, ms: performance.now() - start, out })); });`;
  const command = runner === 'tsx' ? [join(root, 'node_modules/.bin/tsx'), '-e', script] : [process.execPath, '-e', script];
  const run = spawnSync(command[0], command.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 64 * MiB });
  if (run.status !== 0) return `échec (code ${run.status}, signal ${run.signal}${run.error ? `, ${run.error.message}` : ''}) ${(run.stderr ?? '').slice(0, 300)}`;
  return JSON.parse(run.stdout) as CliMeasure;
}

function analysePeak(file: string): string {
  const describe = (measure: CliMeasure | string) => (typeof measure === 'string' ? measure : `code ${measure.code}, ${(measure.ms / 1000).toFixed(2)} s, pic RSS ${mib(measure.maxRss)}`);
  const now = describe(measureCli(['analyse', file, '--json']));
  return BASELINE ? `${now} (référence : ${describe(measureCli(['analyse', file, '--json'], BASELINE))})` : now;
}

function consolidationLine(count: number, measure: CliMeasure | string): string {
  if (typeof measure === 'string') return measure;
  const { etablissements, nonLus } = JSON.parse(measure.out) as { etablissements: unknown[]; nonLus: { file: string; reason: string }[] };
  return (
    `${(measure.ms / 1000).toFixed(2)} s (processeur ${(measure.cpuMs / 1000).toFixed(2)} s), ${(measure.ms / count).toFixed(1)} ms par fichier, ${etablissements.length} lus, ${nonLus.length} non lus ; pic RSS ${mib(measure.maxRss)}` +
    nonLus.map(({ file, reason }) => `\n  non lu : ${file} – ${reason}`).join('')
  );
}

async function analyseMeasures(dir: string): Promise<void> {
  const base = join(dir, 'base.xlsx');
  await writeEstablishment(base, randomCartographie(7));
  const stray = join(dir, 'cellule-isolee.xlsx');
  writeFileSync(stray, await mapPart(readFileSync(base), PARTS.cartographie, strayCell('XFD1048576')));
  const large = join(dir, 'cartographie-50000.xlsx');
  const port = await establishmentWorkbook(randomCartographie(8, 50_000 - 177));
  await port.save(large);
  console.log(`analyse, cellule isolée en XFD1048576 (${(statSync(stray).size / 1024).toFixed(0)} Kio) : ${analysePeak(stray)}`);
  console.log(`analyse, cartographie de 50 000 lignes (${(statSync(large).size / MiB).toFixed(1)} Mio) : ${analysePeak(large)}`);
}

/** Last year's regional workbook, then this year's consolidation with and without it, side by side. */
function precedentMeasures(dir: string, files: string[], lastYear: string[]): void {
  const previous = join(dir, 'region', 'region-annee-1.xlsx');
  const written = measureCli(['consolider', ...lastYear, '--sortie', previous, '--json'], ROOT, 'compilé');
  console.log(`classeur régional de l'an dernier (${lastYear.length} fichiers) : ${consolidationLine(lastYear.length, written)}`);
  const args = (name: string, extra: string[]) => ['consolider', ...files, '--sortie', join(dir, 'region', `${name}.xlsx`), '--json', ...extra];
  // Alternated, so a burst of load on the machine does not fall on one side only.
  const plain: CliMeasure[] = [];
  const withPrecedent: CliMeasure[] = [];
  for (let round = 0; round < 2; round++) {
    for (const [list, name, extra] of [[plain, `sans-precedent-${round}`, []], [withPrecedent, `avec-precedent-${round}`, ['--precedent', previous]]] as const) {
      const measure = measureCli(args(name, [...extra]), ROOT, 'compilé');
      if (typeof measure === 'string') return console.log(`consolidation --precedent : ${measure}`);
      list.push(measure);
    }
  }
  const best = (list: CliMeasure[]) => list.reduce((a, b) => (a.ms <= b.ms ? a : b));
  const [a, b] = [best(plain), best(withPrecedent)];
  const { evolution } = JSON.parse(b.out) as { evolution: { counts: Record<string, number> } };
  console.log(`consolidation de ${files.length} fichiers, compilée, meilleure de 2 : sans --precedent ${consolidationLine(files.length, a)}`);
  console.log(`  avec --precedent (${lastYear.length} de l'an dernier) : ${consolidationLine(files.length, b)}`);
  console.log(`  rapport avec / sans : ${(b.ms / a.ms).toFixed(2)} (cible ≤ 1,5) ; situations : ${JSON.stringify(evolution.counts)}`);
}

export async function runConsolidationBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'resomedit-bench-'));
  mkdirSync(join(dir, 'region'));
  mkdirSync(join(dir, 'annee-1'));
  try {
    const generation = performance.now();
    const files = await generate(dir);
    const lastYear = await generate(join(dir, 'annee-1'), -1);
    const sizes = files.map((file) => statSync(file).size).sort((a, b) => a - b);
    console.log(
      `${FILES} + ${FILES} classeurs (cette année, l'an dernier) générés en ${((performance.now() - generation) / 1000).toFixed(1)} s ` +
        `(${FILES / LIBREOFFICE_EVERY} par année enregistrés par LibreOffice ; taille de ${(sizes[0] / 1024).toFixed(0)} à ${(sizes[sizes.length - 1] / 1024).toFixed(0)} Kio)`,
    );
    const build = performance.now();
    buildCli(ROOT);
    console.log(`ligne de commande compilée (tsc -p tsconfig.cli.json) en ${((performance.now() - build) / 1000).toFixed(1)} s`);
    if (BASELINE) buildCli(BASELINE);
    for (const count of BATCHES) {
      for (const runner of ['compilé', 'tsx'] as const) {
        const args = (name: string) => ['consolider', ...files.slice(0, count), '--sortie', join(dir, 'region', `${name}-${runner}-${count}.xlsx`), '--json'];
        console.log(`consolidation de ${count} fichiers (${runner}, commande complète, classeur régional écrit) : ${consolidationLine(count, measureCli(args('region'), ROOT, runner))}`);
        if (BASELINE) console.log(`  référence : ${consolidationLine(count, measureCli(args('reference'), BASELINE, runner))}`);
      }
    }
    precedentMeasures(dir, files, lastYear);
    await analyseMeasures(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runConsolidationBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
