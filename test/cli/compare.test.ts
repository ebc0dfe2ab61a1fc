/** `comparer`: the demo establishment against itself one year later (test/support/campaigns.ts). */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { FICHE_SHEET } from '../../src/workbook/ficheSheet';
import { SHEETS } from '../../src/workbook/sheets';
import { overlappingLines, pageCount, textLines } from '../support/pdf';
import { twoCampaigns, type TwoCampaigns } from '../support/campaigns';
import { FILE_WORK_MS, runCli, tempDir } from './runCli';

let campaigns: TwoCampaigns;

/** The texts of a sheet of a workbook, read back through the .xlsx adapter, row by row. */
async function sheetRows(file: string, sheet: string): Promise<string[][]> {
  const opened = await XlsxWorkbookPort.open(file);
  if (!opened.ok) throw new Error(opened.problem.message);
  const worksheet = opened.port.workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`feuille « ${sheet} » absente`);
  const rows: string[][] = [];
  worksheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value)))));
  return rows;
}

beforeAll(async () => {
  campaigns = await twoCampaigns(tempDir('comparer'));
}, 180_000);

describe('comparer', () => {
  it('gives the evolution in JSON: the closed transition, the actions done, the new flow not compared', async () => {
    const result = await runCli('comparer', campaigns.previous, campaigns.current, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(result.out);
    expect(json.rupturesFermees).toContainEqual(expect.objectContaining({ fromLabel: campaigns.closed.fromLabel, toLabel: campaigns.closed.toLabel, rupturesAfter: 0 }));
    expect(json.rupturesApparues).toEqual([]);
    expect(json.actions.realisees.map((a: { ref: string }) => a.ref).sort()).toEqual([...campaigns.done].sort());
    expect(json.nonCompare.join(' ')).toContain('ES-POSE-DMP');
    const rupture = json.taux.find((t: { taux: string }) => t.taux === 'rupture');
    // Ruptures closed on one transition and one new NON: the rupture rate falls, an improvement.
    expect(rupture.points).toBeLessThan(0);
    expect(rupture.amelioration).toBe(true);
  });

  it('says it in French', async () => {
    const result = await runCli('comparer', campaigns.previous, campaigns.current);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Ruptures fermées :');
    expect(result.out).toContain(`${campaigns.closed.fromLabel} → ${campaigns.closed.toLabel}`);
    expect(result.out).toMatch(/Points de rupture \(CAQES R4 1\.2\)\s+\d+\s%.*▼ −[\d,]+ points?/);
    expect(result.out).toContain('Actions de la campagne précédente : 2 réalisées');
  });

  it('rapport --precedent: the fiche shows the evolution, on one page, no line drawn over another', async () => {
    const pdf = join(tempDir('rapport-precedent'), 'fiche.pdf');
    const result = await runCli('rapport', campaigns.current, '--sortie', pdf, '--precedent', campaigns.previous);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(pageCount(pdf)).toBe(1);
    const lines = textLines(pdf);
    const text = lines.map((line) => line.text).join(' ').replace(/[\s\u00A0\u202F]+/g, ' ');
    expect(text).toContain('Depuis la campagne précédente');
    expect(text).toMatch(/Points de rupture : -[\d,]+ points? \(\d+ % l'an dernier\)/);
    expect(text).toContain(`Ruptures fermées : ${campaigns.closed.fromLabel} › ${campaigns.closed.toLabel}`);
    expect(overlappingLines(lines)).toEqual([]);
  }, 120_000);

  it('analyse --ecrire --fiche --precedent: the fiche sheet and the Synthèse show the evolution since last year’s file', async () => {
    const dir = tempDir('ecrire-precedent');
    const [without, compared] = [join(dir, 'sans-precedent.xlsx'), join(dir, 'avec-precedent.xlsx')];
    copyFileSync(campaigns.current, without);
    copyFileSync(campaigns.current, compared);
    expect(await runCli('analyse', without, '--ecrire', '--fiche')).toMatchObject({ code: 0, err: '' });
    const result = await runCli('analyse', compared, '--ecrire', '--fiche', '--precedent', campaigns.previous);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`Évolution depuis ${campaigns.previous} écrite dans la Synthèse et la fiche.`);

    const plain = await sheetRows(without, FICHE_SHEET);
    const fiche = await sheetRows(compared, FICHE_SHEET);
    expect(plain.flat()).not.toContain('Depuis la campagne précédente');
    const start = fiche.findIndex((row) => row[0] === 'Depuis la campagne précédente');
    expect(start).toBeGreaterThan(0);
    // Closed ruptures: the rupture rate falls, an improvement since last year's value.
    const since = fiche.slice(start);
    const rupture = since.find((row) => row[0] === 'Points de rupture');
    expect(rupture?.[1]).toMatch(/^▼ −[\d,]+ points?$/);
    expect(rupture?.[2]).toMatch(/^\d+\s%$/);
    expect(since.map((row) => row[0])).toContain(`Ruptures fermées : ${campaigns.closed.fromLabel} → ${campaigns.closed.toLabel}.`);
    // The rest of the fiche is the one written without a previous campaign.
    expect(fiche.filter((_, index) => index < start)).toEqual(plain.filter((_, index) => index < start));
    expect((await sheetRows(compared, SHEETS.synthesis)).map((row) => row.find((text) => text !== ''))).toContain('Évolution depuis la campagne précédente');
  }, FILE_WORK_MS);

  it('analyse --precedent without --ecrire writes nothing and says why', async () => {
    const result = await runCli('analyse', campaigns.current, '--precedent', campaigns.previous);
    expect(result.code).toBe(2);
    expect(result.err).toBe('Erreur : --precedent écrit l’évolution dans le classeur : ajoutez --ecrire (ou utilisez « comparer »).\n');
  });

  it('refuses an unreadable file with a French reason', async () => {
    const result = await runCli('comparer', campaigns.previous, '/nulle/part.xlsx');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Erreur : Impossible de lire \/nulle\/part\.xlsx/);
  });
});
