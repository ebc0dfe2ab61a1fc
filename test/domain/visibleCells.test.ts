/**
 * "What the sheet shows is what counts" (SPEC §5): a row counts at the Zone, Étape, Type and
 * Vers l'étape its cells show, compared as Excel's COUNTIFS compares text. Expected values are
 * computed by hand from the rows written here.
 */
import { analyse } from '../../src/domain/analyse';
import { templateRows } from '../../src/domain/catalogue';
import type { Rate } from '../../src/domain/model';
import { SHEETS } from '../../src/workbook/sheets';
import { cartographieFromAnswers, cartographieOf, entryOf, FIRST_ROW } from '../support/cartographie';

const r = (numerator: number, denominator: number): Rate => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const POSE = 'Pose du DMI (ou échec de pose et motif)';
const BLOC = 'CIRCUIT AU BLOC OPERATOIRE';
const VILLE = 'Lettre de liaison, DMP / Mon espace santé, médecin traitant';
const template = templateRows();
const rowOf = (ref: string) => template.find((row) => row.ref === ref)!;

describe('a row counts where its cells say', () => {
  // Pose: nine Donnée rows answered OUI and one NON, plus a row copied from the PUI reception
  // (Réf. PUI-REC-LOT kept) and moved to the pose by its Étape and Zone cells, answered OUI.
  const poseData = template.filter((row) => row.step === POSE && row.type === 'Donnée');
  const answers: Record<string, string> = { 'BLOC-POS-INF': 'OUI' };
  poseData.forEach((row, i) => (answers[row.ref] = i === 0 ? 'NON' : 'OUI'));
  const base = cartographieFromAnswers(answers);
  const copied = entryOf({ ...rowOf('PUI-REC-LOT'), step: POSE, zone: BLOC, label: 'Existence du champ : N° de lot ou de série (copie)' }, FIRST_ROW + template.length, { value: 'OUI' });
  const analysis = analyse({ ...base, entries: [...base.entries, copied] });
  const step = (id: string) => analysis.figures.steps.find((s) => s.step === id)!;

  it('counts a copied row at the step shown, not at the step its Réf. names', () => {
    expect(poseData).toHaveLength(10);
    // 9 + 1 OUI over 11 Donnée rows answered OUI or NON at the pose.
    expect(step('pose').informatisation).toEqual(r(10, 11));
    expect(step('reception-unitaire').informatisation).toEqual(r(0, 0));
    expect(analysis.figures.zones.find((z) => z.zone === 'bloc')!.informatisation).toEqual(r(10, 11));
    expect(analysis.figures.zones.find((z) => z.zone === 'pui')!.completude.numerator).toBe(0);
  });

  it('reports the Réf. that disagrees with the visible step, at its cell (and, kept by the copy, in double)', () => {
    const findings = analysis.findings.filter((f) => f.kind === 'reference');
    const at = { sheet: SHEETS.cartographie, cell: copied.answerCell, ref: 'PUI-REC-LOT' };
    expect(findings).toEqual([
      expect.objectContaining({ ...at, message: expect.stringMatching(/^Réf\. « PUI-REC-LOT » ne correspond pas à l'étape affichée « Pose du DMI/) }),
      expect.objectContaining({ ...at, message: expect.stringMatching(/^Réf\. « PUI-REC-LOT » en double : déjà utilisée ligne 38/) }),
    ]);
  });

  it("reports a duplicate Réf. and counts both rows", () => {
    const duplicate = entryOf(rowOf('BLOC-POS-LOT'), FIRST_ROW + template.length + 1, { value: 'NON' });
    const withDuplicate = analyse({ ...base, entries: [...base.entries, duplicate] });
    const findings = withDuplicate.findings.filter((f) => f.kind === 'reference');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ref: 'BLOC-POS-LOT', cell: duplicate.answerCell });
    expect(findings[0].message).toMatch(/en double : déjà utilisée ligne \d+/);
    expect(withDuplicate.figures.steps.find((s) => s.step === 'pose')!.informatisation).toEqual(r(9, 11));
  });

  it('counts a transition the establishment added (pose → DMP) on its own, even under a catalogue Réf.', () => {
    // A copy of IO-POS-DOS-LOT whose Vers l'étape now names the city-side step.
    const added = entryOf({ ...rowOf('IO-POS-DOS-LOT'), to: VILLE }, FIRST_ROW + template.length, { value: 'NON' });
    const villeRow = entryOf(rowOf('VIL-DMP-INF'), FIRST_ROW + template.length + 1, { value: 'OUI' });
    const figures = analyse({ ...base, entries: [...base.entries, added, villeRow] }).figures;
    const link = figures.transitions.find((t) => t.from === 'pose' && t.to === 'ville');
    expect(link).toMatchObject({ rows: 1, ruptures: 1, crossZone: true, rupture: r(1, 1) });
    expect(figures.transitions.find((t) => t.from === 'pose' && t.to === 'dossier-patient')!.ruptures).toBe(0);
    expect(figures.views.transitions.transitions).toContain(link);
    expect(figures.views.transitions.rupture).toEqual(r(1, 1));
  });

  it('groups labels as COUNTIFS does: case aside, an accent or a space makes another step, said once', () => {
    const { figures, findings } = analyse(
      cartographieOf([
        { zone: BLOC, step: POSE.toUpperCase(), type: 'informatisation', answer: 'OUI' },
        { zone: BLOC, step: 'Pose du DMI (ou echec de pose et motif)', type: 'Informatisation', answer: 'NON' },
        { zone: BLOC, step: 'Pose du DMI (ou echec de pose et motif)', type: 'Lecteur', answer: 'NON' },
      ]),
    );
    expect(figures.steps.find((s) => s.step === 'pose')!.etapesInformatisees).toEqual(r(1, 1));
    expect(figures.steps.find((s) => s.step === '~pose du dmi (ou echec de pose et motif)')!.etapesInformatisees).toEqual(r(0, 1));
    const hints = findings.filter((f) => f.kind === 'libelle');
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatchObject({ cell: 'H3', message: expect.stringContaining(`diffère de « ${POSE} »`) });
  });

  it('reads the Type cell as one of the five names, case aside; anything else is an invalid row', () => {
    const { rows, findings } = analyse(cartographieOf([{ step: 'Stérilisation', type: 'Donnee', label: 'Lot', answer: 'OUI' }]));
    expect(rows[0]).toMatchObject({ type: null, status: 'invalid', effective: null });
    expect(findings[0].message).toBe('Type « Donnee » inconnu : attendu Informatisation, Donnée, Lecteur, Dépôt ou Interopérabilité (écrire « Donnée »)');
  });

  it('reads criticality from the Critique cell', () => {
    const { figures } = analyse(
      cartographieOf([
        { step: 'Stérilisation', type: 'Donnée', label: 'Lot', critical: 'oui', answer: 'NON' },
        { step: 'Stérilisation', type: 'Donnée', label: 'Lot', critical: '', answer: 'NON' },
      ]),
    );
    expect(figures.counts).toMatchObject({ missingTraceabilityData: 1, financialGaps: 1 });
  });
});

describe('what is not a question', () => {
  const rows = [
    { ref: 'A-1', step: 'Stérilisation', type: 'Informatisation', answer: 'OUI' },
    { label: 'Sous-titre : traçabilité au bloc' },
    { ref: 'A-2', step: 'Stérilisation', type: 'Donnée', label: 'Lot' },
    { label: 'Note : à revoir avec le bloc en juin' },
    { comment: 'Signé : pharmacien référent' },
  ];
  const analysis = analyse(cartographieOf(rows));

  it('leaves out rows with neither Type nor Réponse: complétude counts the two questions only', () => {
    expect(analysis.figures.counts.rows).toBe(2);
    expect(analysis.figures.overall.completude).toEqual(r(1, 2));
  });

  it('reports the text under the table once, as "ligne hors cartographie"', () => {
    const outside = analysis.findings.filter((f) => f.kind === 'hors-cartographie');
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatchObject({ cell: 'H5', row: 5 });
    expect(outside[0].message).toBe(
      "Ligne hors cartographie : « Note : à revoir avec le bloc en juin » (et 1 autre ligne en dessous), sans Type ni Réponse, n'est pas une question ; elle n'entre dans aucun calcul",
    );
  });
});

describe('the gaps counted apart (SPEC §5)', () => {
  const counts = (answers: Record<string, string>) => analyse(cartographieFromAnswers(answers)).figures.counts;

  it.each<[string, Record<string, string>, Partial<Record<string, number>>]>([
    ['a critical field missing at a sanitary step', { 'PUI-REC-LOT': 'NON', 'BLOC-POS-MED': 'NON' }, { missingTraceabilityData: 2 }],
    ['a rupture between two sanitary steps', { 'IO-DEL-RBO-LOT': 'NON', 'IO-POS-DOS-FAB': 'NON' }, { sanitaryRuptures: 2 }],
    ['the same data on financial steps and flows', { 'FOU-CMD-DEN': 'NON', 'BLOC-CSO-LOT': 'NON', 'IO-POS-PMS-PAT': 'NON', 'PUI-REC-PER': 'NON' }, { financialGaps: 4 }],
    ['city-side fields and the flow towards the city', { 'VIL-DMP-LOT': 'NON', 'IO-DOS-VIL-LOT': 'NON' }, { cityGaps: 2 }],
    ['NA and OUI on critical rows', { 'PUI-REC-LOT': 'NA', 'IO-DEL-RBO-LOT': 'OUI' }, {}],
  ])('%s', (_name, answers, expected) => {
    expect(counts(answers)).toMatchObject({ missingTraceabilityData: 0, sanitaryRuptures: 0, cityGaps: 0, financialGaps: 0, ...expected });
  });
});
