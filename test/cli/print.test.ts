/**
 * The files the command line writes, printed to PDF by LibreOffice (headless) and read back
 * with poppler: every sheet prints without text drawn over text, the plan keeps its columns
 * together on each page under its repeated header, the fiche de synthèse sheet holds on one page,
 * and every page names its sheet, the establishment and the page number.
 * Needs the Debian packages libreoffice-calc-nogui and poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DEMO_ESTABLISHMENT } from '../../src/domain/demo';
import { REGIONAL_SHEETS } from '../../src/cli/consolidation/layouts';
import { SHEETS } from '../../src/workbook/sheets';
import { FICHE_SHEET } from '../../src/workbook/ficheSheet';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { analyse } from '../../src/domain/analyse';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';
import { overlappingLines, textLines, type TextLine } from '../support/pdf';
import { runCli, tempDir } from './runCli';

const PACKAGES = 'libreoffice-calc-nogui poppler-utils';
const dir = tempDir('impression');
const profile = `file://${join(dir, 'profil-libreoffice')}`;

/** The files printed to PDF by one LibreOffice run (each start costs seconds); their PDFs, in order. */
function toPdf(...files: string[]): string[] {
  try {
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      stdio: 'pipe',
      timeout: 120_000,
    });
  } catch (error) {
    throw new Error(`LibreOffice n'a pas converti ${files.join(', ')} (paquets Debian ${PACKAGES}) : ${(error as Error).message}`, { cause: error });
  }
  return files.map((file) => {
    const pdf = join(dir, basename(file).replace(/\.xlsx$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`LibreOffice n'a pas produit ${pdf}`);
    return pdf;
  });
}

/** The Synthèse as the add-in writes it for the demo establishment, in the file itself. */
async function writeSynthesis(file: string): Promise<void> {
  const opened = await XlsxWorkbookPort.open(file);
  if (!opened.ok) throw new Error(opened.problem.message);
  const read = await opened.port.readCartographie();
  if (!read.ok) throw new Error(read.problems.map((problem) => problem.message).join(' '));
  const written = await opened.port.writeSynthesis(synthesisLayout(analyse(read.value), { establishment: DEMO_ESTABLISHMENT.name }));
  if (!written.ok) throw new Error(written.problems.map((problem) => problem.message).join(' '));
  await opened.port.save(file);
}

/** Width and height in points of each page. */
function pageSizes(pdf: string): { width: number; height: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((match) => ({ width: Number(match[1]), height: Number(match[2]) }));
}

interface Page {
  number: number;
  sheet: string;
  lines: TextLine[];
}

/** Pages with the sheet named in their footer. */
function pagesOf(lines: TextLine[], sheets: string[]): Page[] {
  const pages = new Map<number, TextLine[]>();
  for (const line of lines) pages.set(line.page, [...(pages.get(line.page) ?? []), line]);
  return [...pages].map(([number, content]) => {
    const bottom = Math.max(...content.map((line) => line.yMax));
    const footer = content.filter((line) => line.yMax > bottom - 12).map((line) => line.text);
    const sheet = sheets.find((name) => footer.includes(name)) ?? '';
    return { number, sheet, lines: content };
  });
}

const has = (page: Page, text: string) => page.lines.some((line) => line.text.includes(text));

let workbook: Page[];
let workbookPdf: string;
let regional: Page[];

beforeAll(async () => {
  const demo = join(dir, 'demo.xlsx');
  expect((await runCli('init', demo, '--demo')).code).toBe(0);
  expect((await runCli('analyse', demo, '--ecrire', '--fiche')).code).toBe(0);
  await writeSynthesis(demo);
  const folder = join(dir, 'etablissements');
  mkdirSync(folder);
  copyFileSync(demo, join(folder, 'etablissement-a.xlsx'));
  copyFileSync(demo, join(folder, 'etablissement-b.xlsx'));
  const region = join(dir, 'region.xlsx');
  expect((await runCli('consolider', folder, '--sortie', region)).code).toBe(0);

  let regionalPdf: string;
  [workbookPdf, regionalPdf] = toPdf(demo, region);
  workbook = pagesOf(textLines(workbookPdf), [...Object.values(SHEETS), FICHE_SHEET]);
  regional = pagesOf(textLines(regionalPdf), Object.values(REGIONAL_SHEETS));
}, 300_000);

describe('printed sheets', () => {
  it('prints every sheet of the workbook and of the regional workbook, each page naming its sheet', () => {
    const counts = (pages: Page[]) => Object.fromEntries([...new Set(pages.map((p) => p.sheet))].map((s) => [s, pages.filter((p) => p.sheet === s).length]));
    expect(Object.keys(counts(workbook)).sort()).toEqual([...Object.values(SHEETS), FICHE_SHEET].sort());
    expect(Object.keys(counts(regional)).sort()).toEqual(Object.values(REGIONAL_SHEETS).sort());
  });

  it('draws no line of text over another', () => {
    // Glyph boxes of two lines of one paragraph touch by a point or two; text drawn over other
    // text (a wrapped cell in a row too short, a clipped overflow) covers a good part of a line.
    const covering = (lines: TextLine[]) =>
      overlappingLines(lines).filter(([a, b]) => Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.3 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin));
    const describe = ([a, b]: [TextLine, TextLine]) => `page ${a.page} : « ${a.text} » / « ${b.text} »`;
    expect(covering(workbook.flatMap((page) => page.lines)).map(describe)).toEqual([]);
    expect(covering(regional.flatMap((page) => page.lines)).map(describe)).toEqual([]);
  });

  it('keeps the plan columns together: every plan page holds its Action, Statut and last columns', () => {
    const plan = workbook.filter((page) => page.sheet === SHEETS.plan);
    expect(plan.length).toBeGreaterThan(1);
    const header = (text: string) => plan[0].lines.find((line) => line.text.includes(text)) as TextLine;
    expect(['Action proposée', 'Pilote', 'Statut', 'Référence'].map((text) => header(text)?.text.includes(text))).toEqual([true, true, true, true]);
    // Each page has text starting at the left edge of the Action, Statut and Référence columns.
    for (const column of ['Action proposée', 'Statut', 'Référence'].map(header)) {
      for (const page of plan) expect([page.number, column.text, page.lines.some((line) => Math.abs(line.xMin - column.xMin) < 2)]).toEqual([page.number, column.text, true]);
    }
  });

  it('repeats the plan’s header row at the top of every plan page (print titles of a sheet named with an apostrophe)', () => {
    const plan = workbook.filter((page) => page.sheet === SHEETS.plan);
    expect(plan.length).toBeGreaterThan(1);
    for (const page of plan) {
      const header = page.lines.find((line) => line.text.includes('Action proposée'));
      const firstRow = page.lines.find((line) => /^\d+$/.test(line.text.split(' ')[0]) && line.xMin < 60);
      expect([page.number, header !== undefined, firstRow !== undefined && header!.yMax <= firstRow.yMin]).toEqual([page.number, true, true]);
    }
  });

  it('prints the fiche de synthèse sheet on one upright A4 page, with the rates and the five actions', () => {
    const fiche = workbook.filter((page) => page.sheet === FICHE_SHEET);
    expect(fiche).toHaveLength(1);
    const { width, height } = pageSizes(workbookPdf)[fiche[0].number - 1];
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    for (const text of ['FICHE DE SYNTHÈSE', 'Complétude', 'Informatisation des données', 'Interopérabilité', "Continuité de l'information", 'Points de rupture', 'Carte du circuit']) {
      expect([text, has(fiche[0], text)]).toEqual([text, true]);
    }
    expect(fiche[0].lines.filter((line) => /^P\d · /.test(line.text))).toHaveLength(5);
  });

  it('prints on A4, the wide sheets (cartographie, plan) in landscape', () => {
    const sizes = pageSizes(workbookPdf);
    expect(sizes).toHaveLength(workbook.length);
    for (const page of workbook) {
      const { width, height } = sizes[page.number - 1];
      expect([Math.round(Math.min(width, height)), Math.round(Math.max(width, height))]).toEqual([595, 842]);
      if (page.sheet === SHEETS.cartographie || page.sheet === SHEETS.plan) expect([page.number, width > height]).toEqual([page.number, true]);
    }
  });

  it('starts each section of the Synthèse too long for the rest of a page on a page of its own (all four, in the demo)', () => {
    const synthesis = workbook.filter((page) => page.sheet === SHEETS.synthesis);
    const sections = ['Évaluer les équipements informatiques et matériels', "Évaluer la continuité de l'information", 'Taux par zone du circuit', 'Conclusion et priorisation des actions'];
    const pagesOfSections = sections.map((section) => synthesis.find((page) => has(page, section))?.number);
    expect(pagesOfSections.every((page) => page !== undefined)).toBe(true);
    expect(new Set(pagesOfSections).size).toBe(sections.length);
  });

  it('names the establishment in the header of every page of the analysed workbook, with the page number', () => {
    for (const page of workbook) {
      expect([page.number, has(page, DEMO_ESTABLISHMENT.name)]).toEqual([page.number, true]);
      expect([page.number, page.lines.some((line) => /^Page \d+$/.test(line.text))]).toEqual([page.number, true]);
    }
  });
});
