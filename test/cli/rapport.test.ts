/**
 * `rapport`: the one-page fiche de synthèse, read back with poppler as a reader would see it:
 * one A4 page, the four rates and the five first open actions of the plan in its text, no two
 * lines of text drawn over each other. Needs the Debian package poppler-utils.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { analyse } from '../../src/domain/analyse';
import { formatRate } from '../../src/domain/format';
import type { PlanRow } from '../../src/domain/model';
import { circuitOf, type Circuit } from '../../src/views/circuit';
import { LINK_STYLES, STEP_STYLES, linkState, stepState } from '../../src/views/circuitMap';
import { FICHE_ACTIONS } from '../../src/workbook/fiche';
import { overlappingLines, pageCount, pageImage, pageSize, pixelsOfColour, textLines } from '../support/pdf';
import { runCli, tempDir } from './runCli';

const dir = tempDir('rapport');
const demo = join(dir, 'demo.xlsx');
let plan: PlanRow[];
let circuit: Circuit;

/** Spaces as pdftotext gives them back (the PDF draws no-break spaces as plain ones; its standard font has no arrow, it draws ›). */
const flat = (text: string): string => text.replace(/[\s\u00A0\u202F]+/g, ' ').replace(/→/g, '›').trim();

beforeAll(async () => {
  expect((await runCli('init', demo, '--demo')).code).toBe(0);
  expect((await runCli('analyse', demo, '--ecrire')).code).toBe(0);
  // The establishment follows up its plan: a pilot and a deadline on the first row, the second done.
  const opened = await XlsxWorkbookPort.open(demo);
  if (!opened.ok) throw new Error(opened.problem.message);
  const read = await opened.port.readPlan();
  if (!read.ok) throw new Error('plan illisible');
  plan = read.value;
  const cartographie = await opened.port.readCartographie();
  if (!cartographie.ok) throw new Error('cartographie illisible');
  circuit = circuitOf(analyse(cartographie.value));
  plan[0] = { ...plan[0], pilot: 'Dr Lefèvre (pharmacien)', dueDate: 46_203 };
  plan[1] = { ...plan[1], status: 'Réalisé' };
  expect((await opened.port.writePlan(plan)).ok).toBe(true);
  await opened.port.save(demo);
}, 120_000);

describe('rapport', () => {
  const pdf = join(dir, 'fiche.pdf');

  beforeAll(async () => {
    const result = await runCli('rapport', demo, '--sortie', pdf);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(pdf);
  }, 60_000);

  it('is one A4 page', () => {
    expect(pageCount(pdf)).toBe(1);
    const { width, height } = pageSize(pdf);
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
  });

  it('shows the establishment, complétude and the four rates with the CAQES figure named', async () => {
    const text = flat(textLines(pdf).map((line) => line.text).join(' '));
    expect(text).toContain('Centre hospitalier fictif de Valmont');
    expect(text).toContain('indicateur CAQES R4, item 1.2');
    for (const label of ['Complétude', 'Informatisation des données', 'Interopérabilité', "Continuité de l'information", 'Points de rupture']) {
      expect(text).toContain(label);
    }
    const opened = await XlsxWorkbookPort.open(demo);
    if (!opened.ok) throw new Error(opened.problem.message);
    const read = await opened.port.readCartographie();
    if (!read.ok) throw new Error('cartographie illisible');
    const rates = analyse(read.value).figures.overall;
    for (const rate of [rates.completude, rates.informatisation, rates.interoperabilite, rates.continuite, rates.rupture]) {
      expect(text).toContain(flat(formatRate(rate)));
      expect(text).toContain(`${rate.numerator} / ${rate.denominator}`);
    }
  });

  it('lists the five first open actions of the plan, with the pilot and deadline the establishment typed', () => {
    const text = flat(textLines(pdf).map((line) => line.text).join(' '));
    const open = plan.filter((row) => row.status !== 'Réalisé' && !row.obsolete).slice(0, FICHE_ACTIONS);
    expect(open).toHaveLength(FICHE_ACTIONS);
    for (const row of open) expect(text).toContain(flat(row.action).slice(0, 40));
    expect(text).not.toContain(flat(plan[1].action).slice(0, 60));
    expect(text).toContain('Dr Lefèvre (pharmacien)');
    expect(text).toContain('30 juin 2026');
  });

  it('draws no line of text over another, all inside the page', () => {
    const lines = textLines(pdf);
    expect(lines.length).toBeGreaterThan(30);
    expect(overlappingLines(lines)).toEqual([]);
    for (const line of lines) {
      expect(line.xMin).toBeGreaterThanOrEqual(0);
      expect(line.xMax).toBeLessThanOrEqual(595.3);
      expect(line.yMax).toBeLessThanOrEqual(841.9);
    }
  });

  it('draws the circuit map beside the regulatory gaps: every step labelled inside the map, nodes and arrows in the colours of their states', () => {
    const lines = textLines(pdf);
    const find = (text: string) => lines.find((line) => flat(line.text) === text);
    const mapHeading = find('Carte du circuit');
    const gapsHeading = find('Écarts réglementaires');
    const actionsHeading = find(`Les ${FICHE_ACTIONS} actions prioritaires`);
    if (!mapHeading || !gapsHeading || !actionsHeading) throw new Error('titres de la fiche introuvables');
    const area = { xMin: 40, yMin: mapHeading.yMax, xMax: gapsHeading.xMin, yMax: actionsHeading.yMin };
    expect(circuit.steps.length).toBeGreaterThan(10);
    for (const step of circuit.steps) {
      const label = find(flat(step.label));
      if (!label) throw new Error(`étape absente de la carte : ${step.label}`);
      expect({ step: step.label, inside: [label.xMin >= area.xMin, label.xMax <= area.xMax, label.yMin >= area.yMin, label.yMax <= area.yMax] }).toEqual({
        step: step.label,
        inside: [true, true, true, true],
      });
      // Type still readable on paper.
      expect(label.yMax - label.yMin).toBeGreaterThan(5);
    }

    const image = pageImage(pdf, 100);
    const stepStates = new Set(circuit.steps.map(stepState));
    const linkStates = new Set(circuit.links.map(linkState));
    expect([...stepStates]).toEqual(expect.arrayContaining(['informatisee', 'papier']));
    expect([...linkStates]).toEqual(expect.arrayContaining(['rupture', 'partielle', 'continue']));
    for (const state of stepStates) expect(pixelsOfColour(image, STEP_STYLES[state].fill, area)).toBeGreaterThan(500);
    for (const state of linkStates) expect(pixelsOfColour(image, LINK_STYLES[state].color, area)).toBeGreaterThan(50);
  });

  it('refuses another extension and an existing file without --force, in French', async () => {
    const wrong = await runCli('rapport', demo, '--sortie', join(dir, 'fiche.docx'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("La fiche doit avoir l'extension .pdf");
    const existing = await runCli('rapport', demo, '--sortie', pdf);
    expect(existing.code).toBe(2);
    expect(existing.err).toContain('existe déjà : ajoutez --force');
  });

  it('consolider --rapports writes one one-page fiche per establishment read, for the advisor’s visits', async () => {
    const folder = join(dir, 'region');
    mkdirSync(folder);
    copyFileSync(demo, join(folder, 'es-a.xlsx'));
    copyFileSync(demo, join(folder, 'es-b.xlsx'));
    writeFileSync(join(folder, 'notes.xlsx'), 'pas un classeur');
    const fiches = join(dir, 'fiches');
    const result = await runCli('consolider', folder, '--sortie', join(dir, 'region.xlsx'), '--rapports', fiches, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.fiches).toEqual([join(fiches, 'es-a.pdf'), join(fiches, 'es-b.pdf')]);
    for (const fiche of json.fiches) {
      expect(pageCount(fiche)).toBe(1);
      expect(flat(textLines(fiche).map((line) => line.text).join(' '))).toContain('Dr Lefèvre (pharmacien)');
    }
    // The unreadable file gets no fiche: it is listed among the files not read.
    expect(json.nonLus.map((u: { file: string }) => u.file)).toEqual([join(folder, 'notes.xlsx')]);
  }, 240_000);
});
