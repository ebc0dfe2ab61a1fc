/**
 * Regional consolidation of 300 establishment workbooks that really differ: the template's 177
 * rows or up to 2,000 rows added, identity given or not, some saved again by LibreOffice. Prints
 * the total time, time per file and peak RSS of the command line run in a process of its own (the
 * reading workers included: they are threads of that process) at 30, 100 and 300 files, to show both stay flat per file. Then the peak memory of
 * `analyse` in a process of its own, on a file with a stray value at XFD1048576 and on a
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

export async function generate(dir: string): Promise<string[]> {
  const files: string[] = [];
  const forLibreOffice: string[] = [];
  const staging = join(dir, 'avant-libreoffice');
  mkdirSync(staging);
  for (let seed = 1; seed <= FILES; seed++) {
    const name = `es-${String(seed).padStart(3, '0')}.xlsx`;
    const viaLibreOffice = seed % LIBREOFFICE_EVERY === 0;
    const file = join(viaLibreOffice ? staging : dir, name);
    const identity = seed % 2 === 0 ? { name: `CH fictif n° ${seed}`, finess: String(100000000 + seed * 7919).slice(0, 9) } : undefined;
    await writeEstablishment(file, randomCartographie(seed, addedRows(seed)), identity);
    if (viaLibreOffice) forLibreOffice.push(file);
    files.push(join(dir, name));
  }
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profil')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', dir, ...forLibreOffice], {
    stdio: 'pipe',
  });
  return files;
}

function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(0)} Mio`;
}

interface CliMeasure {
  code: number;
  /** Peak resident memory of the whole process, worker threads included. */
  maxRss: number;
  ms: number;
  out: string;
}

/**
 * Another checkout of the project (e.g. the previous release, with its node_modules) whose command
 * line is measured on the same files, side by side: RESOMEDIT_BENCH_BASELINE=/path/to/checkout.
 */
const BASELINE = process.env.RESOMEDIT_BENCH_BASELINE;
const ROOT = join(__dirname, '../..');

/** Runs the command line of the checkout at `root` as a user would, in a process of its own, and measures it. */
function measureCli(args: string[], root = ROOT): CliMeasure | string {
  const script = `const start = performance.now(); let out = ''; require('./src/cli/program').run(${JSON.stringify(args)}, { out: (t) => { out += t; }, err: (t) => process.stderr.write(t), errIsTTY: false }).then((code) => { process.stdout.write(JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS * 1024, ms: performance.now() - start, out })); });`;
  const run = spawnSync(join(root, 'node_modules/.bin/tsx'), ['-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * MiB });
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
    `${(measure.ms / 1000).toFixed(2)} s, ${(measure.ms / count).toFixed(1)} ms par fichier, ${etablissements.length} lus, ${nonLus.length} non lus ; pic RSS ${mib(measure.maxRss)}` +
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

export async function runConsolidationBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'resomedit-bench-'));
  mkdirSync(join(dir, 'region'));
  try {
    const generation = performance.now();
    const files = await generate(dir);
    const sizes = files.map((file) => statSync(file).size).sort((a, b) => a - b);
    console.log(
      `${FILES} classeurs générés en ${((performance.now() - generation) / 1000).toFixed(1)} s ` +
        `(${FILES / LIBREOFFICE_EVERY} enregistrés par LibreOffice ; taille de ${(sizes[0] / 1024).toFixed(0)} à ${(sizes[sizes.length - 1] / 1024).toFixed(0)} Kio)`,
    );
    for (const count of BATCHES) {
      const args = (name: string) => ['consolider', ...files.slice(0, count), '--sortie', join(dir, 'region', `${name}-${count}.xlsx`), '--json'];
      console.log(`consolidation de ${count} fichiers (commande complète, classeur régional écrit) : ${consolidationLine(count, measureCli(args('region')))}`);
      if (BASELINE) console.log(`  référence : ${consolidationLine(count, measureCli(args('reference'), BASELINE))}`);
    }
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
