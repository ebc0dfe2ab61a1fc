/** The command line against figures counted by hand (test/support/handCartographie.ts), not against the engine. */
import { join } from 'node:path';
import { HAND_FIGURES, HAND_FIGURES_B, HAND_FINDINGS, HAND_ROWS, HAND_ROWS_B, shownRate, valueOf } from '../support/handCartographie';
import { writeHandWorkbook } from './handWorkbook';
import { runCli, tempDir } from './runCli';

const dir = tempDir('hand');


const values = (rates: Record<string, readonly [number, number]>) =>
  Object.fromEntries(Object.entries(rates).map(([key, hand]) => [key, valueOf(hand)]));

// Workbooks are real files written and read by exceljs: a budget for a loaded machine.
jest.setTimeout(60_000);

describe('analyse on the hand-counted cartographie', () => {
  const file = join(dir, 'main.xlsx');
  beforeAll(() => writeHandWorkbook(file, HAND_ROWS));

  it('prints the hand figures as JSON', async () => {
    const result = await runCli('analyse', file, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    const { overall } = HAND_FIGURES;
    expect(json.completude).toBe(valueOf(overall.completude));
    expect(json.rates).toEqual(values({ informatisation: overall.informatisation, interoperabilite: overall.interoperabilite, continuite: overall.continuite, rupture: overall.rupture }));
    for (const [label, hand] of Object.entries(HAND_FIGURES.zones)) {
      const { completude, informatisation, interoperabilite, continuite, rupture } = hand;
      expect(json.zones.find((z: { label: string }) => z.label === label)).toMatchObject(values({ completude, informatisation, interoperabilite, continuite, rupture }));
    }
    for (const [label, hand] of Object.entries(HAND_FIGURES.steps)) {
      expect(json.etapes.find((s: { label: string }) => s.label === label)).toMatchObject(values(hand));
    }
    for (const hand of HAND_FIGURES.transitions) {
      const transition = json.transitions.find((t: { label: string }) => t.label === `${hand.from} → ${hand.to}`);
      expect(transition).toMatchObject({ interZones: hand.crossZone, lignes: hand.rows, ruptures: hand.ruptures, ...values({ interoperabilite: hand.interoperabilite, continuite: hand.continuite, rupture: hand.rupture }) });
    }
    expect(json.findings.map((f: { kind: string; label: string }) => [f.kind, f.label]).sort()).toEqual(HAND_FINDINGS);
  });

  it('prints the hand figures as French text', async () => {
    const { out } = await runCli('analyse', file);
    expect(out).toContain(`Complétude : ${shownRate(HAND_FIGURES.overall.completude)} (18 lignes renseignées sur 20)`);
    expect(out).toContain(`Taux de points de rupture : ${shownRate(HAND_FIGURES.overall.rupture)} (3/5)`);
    expect(out).toContain(`Taux d'interopérabilité : ${shownRate(HAND_FIGURES.overall.interoperabilite)} (1/4)`);
  });
});

describe('consolider on two hand-counted establishments', () => {
  const input = tempDir('hand-region');
  const output = join(tempDir('hand-out'), 'region.xlsx');
  beforeAll(async () => {
    await writeHandWorkbook(join(input, 'es-a.xlsx'), HAND_ROWS);
    await writeHandWorkbook(join(input, 'es-b.xlsx'), HAND_ROWS_B);
  });

  it('gives each establishment its hand figures, and the quartiles of the two', async () => {
    const result = await runCli('consolider', input, '--sortie', output, '--json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out);
    expect(summary.etablissements.map((es: { establishment: { name: string } }) => es.establishment.name)).toEqual(['es-a', 'es-b']);
    const [a, b] = summary.etablissements;
    expect(a.completude).toBe(valueOf(HAND_FIGURES.overall.completude));
    expect(a.rates.rupture).toBe(valueOf(HAND_FIGURES.overall.rupture));
    expect(a.invalid).toBe(1);
    expect(b.rates.rupture).toBe(valueOf(HAND_FIGURES_B.overall.rupture));
    expect(b.rates.interoperabilite).toBe(valueOf(HAND_FIGURES_B.overall.interoperabilite));
    // Rupture 3/5 and 2/5: QUARTILE.INC of two values interpolates linearly between them.
    expect(summary.statistiques.rupture).toEqual({ count: 2, min: 0.4, q1: expect.closeTo(0.45, 12), median: expect.closeTo(0.5, 12), q3: expect.closeTo(0.55, 12), max: 0.6 });
    // Continuité 2/5 and 3/5; complétude 18/20 for both.
    expect(summary.statistiques.continuite).toMatchObject({ count: 2, min: 0.4, max: 0.6, median: expect.closeTo(0.5, 12) });
    expect(summary.statistiques.completude).toMatchObject({ count: 2, min: 0.9, max: 0.9 });

    const transition = (from: string, to: string) => summary.transitions.find((t: { label: string }) => t.label === `${from} → ${to}`);
    const [recDel, delRbo] = HAND_FIGURES.transitions;
    // REC → DEL breaks in A (row 10 NON) but not in B; DEL → RBO breaks in both.
    expect(transition(recDel.from, recDel.to)).toMatchObject({ evaluated: 2, withRupture: 1, share: 0.5 });
    expect(transition(delRbo.from, delRbo.to)).toMatchObject({ evaluated: 2, withRupture: 2, share: 1 });
  });
});
