import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { REGIONAL_SHEETS } from '../../src/cli/consolidation/layouts';
import { distribution } from '../../src/domain/distribution';
import { run } from '../../src/cli/program';
import { analyse } from '../../src/domain/analyse';
import { randomCartographie } from '../support/cartographie';
import { FILE_WORK_MS, runCli, tempDir } from './runCli';

jest.setTimeout(FILE_WORK_MS);
import { fakeEncryptedWorkbook, foreignWorkbook, writeEstablishment } from './workbooks';

const ESTABLISHMENTS = 9;
const dir = tempDir('consolidation');
const output = join(tempDir('region'), 'region.xlsx');
const seeds = Array.from({ length: ESTABLISHMENTS }, (_, i) => 100 + i);

beforeAll(async () => {
  for (const [index, seed] of seeds.entries()) {
    const name = `es-${String(index + 1).padStart(2, '0')}.xlsx`;
    // Half the establishments say who they are; the others are known by their file name.
    const identity = index % 2 === 0 ? { name: `CH fictif n° ${index + 1}`, finess: `0${index + 1}0000000`.slice(0, 9) } : undefined;
    await writeEstablishment(join(dir, name), randomCartographie(seed), identity);
  }
  // A damaged copy: a valid zip start, then truncated.
  const damaged = join(dir, 'zz-endommage.xlsx');
  copyFileSync(join(dir, 'es-01.xlsx'), damaged);
  writeFileSync(damaged, (await import('node:fs')).readFileSync(damaged).subarray(0, 2000));
  writeFileSync(join(dir, 'zz-texte.xlsx'), 'Nom;Réponse\nA;OUI\n');
  writeFileSync(join(dir, 'zz-protege.xlsx'), fakeEncryptedWorkbook());
  await foreignWorkbook(join(dir, 'zz-etranger.xlsx'));
  writeFileSync(join(dir, 'lisez-moi.txt'), 'pas un classeur');
});

async function regional(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  return workbook;
}

/** 1-based row of a sheet's table header: the row printed again on every page. */
function headerRowOf(sheet: ExcelJS.Worksheet): number {
  return Number(sheet.pageSetup.printTitlesRow?.split(':')[0]);
}

function column(sheet: ExcelJS.Worksheet, header: string, headerRow = headerRowOf(sheet)): unknown[] {
  const col = (sheet.getRow(headerRow).values as unknown[]).indexOf(header);
  if (col < 0) throw new Error(`colonne ${header} absente`);
  const values: unknown[] = [];
  for (let row = headerRow + 1; row <= sheet.rowCount; row++) values.push(sheet.getCell(row, col).value);
  return values;
}

describe('consolider', () => {
  it('reads a dozen files one by one, skips the unreadable ones with a French reason, and writes the regional workbook', async () => {
    const result = await runCli('consolider', dir, '--sortie', output, '--json');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const summary = JSON.parse(result.out);
    expect(summary.etablissements).toHaveLength(ESTABLISHMENTS);
    const reasons = Object.fromEntries(summary.nonLus.map((u: { file: string; reason: string }) => [u.file.split('/').pop(), u.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['zz-endommage.xlsx', 'zz-etranger.xlsx', 'zz-protege.xlsx', 'zz-texte.xlsx']);
    expect(reasons['zz-endommage.xlsx']).toContain('endommagé');
    expect(reasons['zz-texte.xlsx']).toContain("n'est pas un classeur Excel");
    expect(reasons['zz-protege.xlsx']).toContain('mot de passe');
    expect(reasons['zz-etranger.xlsx']).toContain('Mise en page non reconnue');
    expect(reasons['zz-etranger.xlsx']).toContain('Cartographie données info DMI');

    const workbook = await regional();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(REGIONAL_SHEETS));
    const establishments = workbook.getWorksheet(REGIONAL_SHEETS.establishments) as ExcelJS.Worksheet;
    expect(column(establishments, 'Établissement')).toEqual([
      'CH fictif n° 1', 'es-02', 'CH fictif n° 3', 'es-04', 'CH fictif n° 5', 'es-06', 'CH fictif n° 7', 'es-08', 'CH fictif n° 9',
    ]);
    expect(column(establishments, 'FINESS')[0]).toBe('010000000');
    const unread = workbook.getWorksheet(REGIONAL_SHEETS.unread) as ExcelJS.Worksheet;
    expect(column(unread, 'Raison')).toHaveLength(4);
  });

  it('gives each establishment its own figures and the regional quartiles of them', async () => {
    const result = await runCli('consolider', dir, '--sortie', output, '--json', '--force');
    const summary = JSON.parse(result.out);
    const analyses = seeds.map((seed) => analyse(randomCartographie(seed)).figures);
    summary.etablissements.forEach((es: { rates: Record<string, number | null>; criticalGaps: number; topActions: string[] }, index: number) => {
      expect(es.rates.rupture).toBe(analyses[index].overall.rupture.value);
      expect(es.criticalGaps).toBe(analyses[index].counts.missingTraceabilityData + analyses[index].counts.sanitaryRuptures);
      expect(es.topActions.length).toBeLessThanOrEqual(3);
    });
    const expected = distribution(analyses.map((figures) => figures.overall.continuite.value));
    expect(summary.statistiques.continuite).toEqual(expected);

    const statistics = (await regional()).getWorksheet(REGIONAL_SHEETS.statistics) as ExcelJS.Worksheet;
    const row = column(statistics, 'Indicateur').indexOf('Taux de continuité') + headerRowOf(statistics) + 1;
    expect(statistics.getCell(row, 5).value).toBeCloseTo(expected.median as number, 10);
    expect(statistics.getCell(row, 5).numFmt).toBe('0 %');

    // Ruptures per transition: the count of establishments with a NON on it, among those that answered it.
    const delivery = summary.transitions.find((t: { key: string }) => t.key === 'delivrance→reception-bloc');
    const answered = analyses.map((figures) => figures.transitions.find((t) => t.from === 'delivrance' && t.to === 'reception-bloc'));
    expect(delivery.evaluated).toBe(answered.filter((t) => t && t.rupture.value !== null).length);
    expect(delivery.withRupture).toBe(answered.filter((t) => t && t.ruptures > 0).length);
    expect(delivery.share).toBeCloseTo(delivery.withRupture / delivery.evaluated, 10);
  });

  it('refuses to overwrite the output without --force, and needs --sortie', async () => {
    const again = await runCli('consolider', dir, '--sortie', output);
    expect(again.code).toBe(2);
    expect(again.err).toContain('existe déjà');
    const missing = await runCli('consolider', dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('option obligatoire absente : -s, --sortie <REGION.xlsx>');
  });

  it('accepts a list of files and exits 2 when none can be read', async () => {
    const list = await runCli('consolider', join(dir, 'es-01.xlsx'), join(dir, 'es-02.xlsx'), '--sortie', output, '--force');
    expect(list.code).toBe(0);
    expect(list.out).toContain('2 établissement(s), 0 fichier(s) non lu(s)');
    const none = await runCli('consolider', join(dir, 'zz-texte.xlsx'), '--sortie', output, '--force');
    expect(none.code).toBe(2);
    expect(none.err).toContain('Aucun classeur lisible');
  });
});

describe('distribution', () => {
  it('leaves non évaluable values out and interpolates quartiles like QUARTILE.INC', () => {
    expect(distribution([null, 1, 4, 2, null, 3])).toEqual({ count: 4, min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    expect(distribution([null])).toEqual({ count: 0, min: null, q1: null, median: null, q3: null, max: null });
    expect(distribution([0.5])).toMatchObject({ count: 1, q1: 0.5, median: 0.5, q3: 0.5 });
  });
});

describe('progress bar', () => {
  /** A terminal-like stream that records what is drawn on it. */
  function terminal(): { stream: NodeJS.WritableStream; drawn: () => string } {
    let text = '';
    const stream = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    Object.assign(stream, { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    return { stream, drawn: () => text };
  }

  async function consolidateOn(json: boolean): Promise<string> {
    const { stream, drawn } = terminal();
    const args = ['consolider', join(dir, 'es-01.xlsx'), join(dir, 'es-02.xlsx'), '--sortie', output, '--force', ...(json ? ['--json'] : [])];
    const code = await run(args, { out: () => undefined, err: () => undefined, errIsTTY: true, errStream: stream });
    expect(code).toBe(0);
    return drawn();
  }

  it('is drawn on a terminal, and never with --json', async () => {
    expect(await consolidateOn(false)).toContain('Consolidation [');
    expect(await consolidateOn(true)).toBe('');
  });
});
