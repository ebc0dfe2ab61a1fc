import { evaluate } from '../../src/domain/evaluate';
import { SHEETS } from '../../src/workbook/sheets';
import { cartographieFromAnswers, cartographieOf } from '../support/cartographie';

const DELIVRANCE = 'Délivrance au service utilisateur';
const BLOC_RECEPTION = 'Réception au bloc, stock de proximité';

const rowByRef = (answers: Record<string, string>, ref: string) => {
  const evaluation = evaluate(cartographieFromAnswers(answers));
  const row = evaluation.rows.find((r) => r.entry.ref === ref);
  if (!row) throw new Error(`no row ${ref}`);
  return { row, findings: evaluation.findings.filter((f) => f.ref === ref) };
};

describe('matching rows with the catalogue', () => {
  it('identifies a row by its reference, whatever its case and spaces, when it agrees with the visible cells', () => {
    const [row] = evaluate(
      cartographieOf([
        { ref: ' io-del-rbo-lot ', zone: 'CIRCUIT A LA PUI', step: DELIVRANCE, type: 'Interopérabilité', label: 'Lot', to: BLOC_RECEPTION, critical: 'OUI', answer: 'NON' },
      ]),
    ).rows;
    expect(row.question?.ref).toBe('IO-DEL-RBO-LOT');
    expect(row).toMatchObject({ type: 'Interopérabilité', step: 'delivrance', to: 'reception-bloc', zone: 'pui', datum: 'lot-serie', critical: true, status: 'ok' });
  });

  it('matches by step, type, label and destination when the reference is missing: case aside for the grouping cells, tolerant for the label', () => {
    const [row] = evaluate(
      cartographieOf([
        {
          step: 'DÉLIVRANCE AU SERVICE UTILISATEUR',
          type: 'INTEROPÉRABILITÉ',
          label: 'transmission electronique :  n° de lot ou de serie',
          to: 'RÉCEPTION au bloc, stock de proximité',
          answer: 'oui',
        },
      ]),
    ).rows;
    expect(row.question?.ref).toBe('IO-DEL-RBO-LOT');
    expect(row.answer).toBe('OUI');
  });

  it('counts a row unknown to the catalogue through its own columns, exactly as they are written', () => {
    const [known, unknown] = evaluate(
      cartographieOf([
        { step: 'Dossier patient, compte rendu opératoire', zone: 'x', type: 'Donnée', label: 'Champ ajouté', critical: 'oui', answer: 'NON' },
        { step: 'Stérilisation ', zone: 'Circuit à la PUI', type: 'Interopérabilité', label: 'Lot', to: 'Salle de réveil', answer: 'NA' },
      ]),
    ).rows;
    expect(known.question).toBeUndefined();
    expect(known).toMatchObject({ step: 'dossier-patient', zone: '~x', type: 'Donnée', critical: true, effective: 'NON' });
    expect(unknown).toMatchObject({ step: '~stérilisation ', zone: '~circuit à la pui', to: '~salle de réveil', critical: false, effective: 'NA' });
  });

  it('leaves out blank rows of the table', () => {
    expect(evaluate(cartographieOf([{}, { step: 'Pose', type: 'Lecteur', answer: 'OUI' }, { answer: ' ' }])).rows).toHaveLength(1);
  });
});

describe('consistency rules (SPEC §6)', () => {
  it('counts an Interopérabilité OUI towards a step not computerised as an incoherent NON, naming that step', () => {
    const { row, findings } = rowByRef({ 'BLOC-REC-INF': 'NON', 'PUI-DEL-INF': 'OUI', 'IO-DEL-RBO-LOT': 'OUI' }, 'IO-DEL-RBO-LOT');
    expect(row).toMatchObject({ answer: 'OUI', status: 'incoherent', effective: 'NON' });
    expect(findings).toEqual([
      {
        kind: 'incoherence',
        sheet: SHEETS.cartographie,
        cell: row.entry.answerCell,
        row: row.entry.row,
        ref: 'IO-DEL-RBO-LOT',
        rowLabel: `${DELIVRANCE} – Transmission électronique : N° de lot ou de série`,
        message: `Réponse OUI incohérente : l'étape « ${BLOC_RECEPTION} » n'est pas informatisée (Informatisation = NON) ; comptée comme NON`,
        critical: true,
      },
    ]);
  });

  it('treats NA the same way, and names both steps when neither is computerised', () => {
    const { row, findings } = rowByRef({ 'BLOC-REC-INF': 'NON', 'PUI-DEL-INF': 'non', 'IO-DEL-RBO-DEN': 'NA' }, 'IO-DEL-RBO-DEN');
    expect(row).toMatchObject({ status: 'incoherent', effective: 'NON' });
    expect(findings[0].message).toBe(
      `Réponse NA incohérente : les étapes « ${DELIVRANCE} » et « ${BLOC_RECEPTION} » ne sont pas informatisées (Informatisation = NON) ; comptée comme NON`,
    );
  });

  it('accepts NON on a link between steps not computerised, and any answer when Informatisation is OUI, NA or empty', () => {
    expect(rowByRef({ 'BLOC-REC-INF': 'NON', 'IO-DEL-RBO-LOT': 'NON' }, 'IO-DEL-RBO-LOT').row.status).toBe('ok');
    expect(rowByRef({ 'BLOC-REC-INF': 'NA', 'IO-DEL-RBO-LOT': 'OUI' }, 'IO-DEL-RBO-LOT').row.effective).toBe('OUI');
    expect(rowByRef({ 'IO-DEL-RBO-LOT': 'NA' }, 'IO-DEL-RBO-LOT').row.effective).toBe('NA');
  });

  it('counts a Donnée OUI at a step not computerised as an incoherent NON; NON and NA stay', () => {
    const answers = { 'BLOC-POS-INF': 'NON', 'BLOC-POS-LOT': 'OUI', 'BLOC-POS-DEN': 'NA', 'BLOC-POS-IUDIP': 'NON', 'BLOC-POS-LEC': 'OUI' };
    const lot = rowByRef(answers, 'BLOC-POS-LOT');
    expect(lot.row).toMatchObject({ status: 'incoherent', effective: 'NON' });
    expect(lot.findings[0].message).toContain("l'étape « Pose du DMI (ou échec de pose et motif) » n'est pas informatisée");
    expect(rowByRef(answers, 'BLOC-POS-DEN').row).toMatchObject({ status: 'ok', effective: 'NA' });
    expect(rowByRef(answers, 'BLOC-POS-IUDIP').row).toMatchObject({ status: 'ok', effective: 'NON' });
    expect(rowByRef(answers, 'BLOC-POS-LEC').row).toMatchObject({ status: 'ok', effective: 'OUI' });
  });

  it('applies the rule to rows outside the catalogue, by step label compared as COUNTIFS does', () => {
    const { rows } = evaluate(
      cartographieOf([
        { step: 'Stérilisation', type: 'Informatisation', answer: 'NON' },
        { step: 'STÉRILISATION', type: 'Donnée', label: 'Lot', answer: 'OUI' },
        { step: 'Sterilisation', type: 'Donnée', label: 'Lot', answer: 'OUI' },
      ]),
    );
    expect(rows[1]).toMatchObject({ status: 'incoherent', effective: 'NON' });
    // Another step for Excel (the accent differs): not concerned.
    expect(rows[2]).toMatchObject({ status: 'ok', effective: 'OUI' });
  });

  it('makes a step not computerised as soon as one of its Informatisation rows reads NON, whatever the order', () => {
    const rows = [
      { step: 'Stérilisation', type: 'Informatisation', answer: 'OUI' },
      { step: 'Stérilisation', type: 'Donnée', label: 'Lot', answer: 'OUI' },
      { step: 'Stérilisation', type: 'Informatisation', answer: 'NON' },
    ];
    for (const order of [rows, [...rows].reverse()]) {
      const donnee = evaluate(cartographieOf(order)).rows.find((r) => r.type === 'Donnée');
      expect(donnee).toMatchObject({ status: 'incoherent', effective: 'NON' });
    }
  });
});

describe('findings', () => {
  it('reports an invalid answer with sheet, cell, row, reference, row label and the quoted value', () => {
    const { row, findings } = rowByRef({ 'PUI-REC-LOT': 'peut-être' }, 'PUI-REC-LOT');
    expect(row).toMatchObject({ answer: null, status: 'invalid', effective: null });
    expect(findings).toEqual([
      {
        kind: 'invalide',
        sheet: SHEETS.cartographie,
        cell: row.entry.answerCell,
        row: row.entry.row,
        ref: 'PUI-REC-LOT',
        rowLabel: 'Réception unitaire, entrée en stock – Existence du champ : N° de lot ou de série',
        message: 'Réponse « peut-être » invalide : attendu OUI, NON ou NA',
        critical: true,
      },
    ]);
  });

  it('reports every unanswered row, and nothing for a valid answer', () => {
    const evaluation = evaluate(cartographieFromAnswers({ 'PUI-REC-INF': 'OUI' }));
    const unanswered = evaluation.findings.filter((f) => f.kind === 'non-renseigne');
    expect(unanswered).toHaveLength(evaluation.rows.length - 1);
    expect(unanswered[0].message).toBe('Réponse non renseignée');
    expect(evaluation.findings.some((f) => f.ref === 'PUI-REC-INF')).toBe(false);
  });

  it('reports an unknown Type as invalid and leaves the row out of the rates', () => {
    const { rows, findings } = evaluate(cartographieOf([{ step: 'Pose', type: 'Question libre', label: 'Autre', answer: 'OUI' }]));
    expect(rows[0]).toMatchObject({ type: null, answer: 'OUI', status: 'invalid', effective: null });
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'invalide',
        cell: 'H2',
        row: 2,
        rowLabel: 'Pose – Autre',
        message: 'Type « Question libre » inconnu : attendu Informatisation, Donnée, Lecteur, Dépôt ou Interopérabilité',
      }),
    ]);
  });
});

describe('cells read once and remembered across analyses', () => {
  it('keys each label as written, however many distinct labels earlier sheets held', () => {
    // More distinct Étape labels than one generation of the memo holds, evaluated twice.
    const labels = Array.from({ length: 25_000 }, (_, i) => `Étape ajoutée ${i}`);
    const sheet = cartographieOf(labels.map((step) => ({ zone: 'Zone ajoutée', step, type: 'Donnée', label: 'Lot', answer: 'OUI' })));
    for (let round = 0; round < 2; round += 1) {
      const { rows } = evaluate(sheet);
      expect(rows.map((row) => row.step)).toEqual(labels.map((label) => `~${label.toLowerCase()}`));
    }
    expect(evaluate(cartographieOf([{ zone: 'Zone ajoutée', step: 'Délivrance au service utilisateur', type: 'Donnée', label: 'Lot', answer: 'OUI' }])).rows[0].step).toBe('delivrance');
  });

  it('reads the same value differently when the cell is an Excel error, a formula or a date', () => {
    const cells = [{ value: 'OUI' }, { value: 'OUI', error: true }, { value: 'OUI', formula: true }, { value: 45000 }, { value: 45000, date: true }, { value: 'OUI' }];
    const { rows, findings } = evaluate(cartographieOf(cells.map((answer) => ({ step: 'Étape', type: 'Donnée', label: 'Lot', answer }))));
    expect(rows.map((row) => row.answer)).toEqual(['OUI', null, null, null, null, 'OUI']);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('erreur Excel'),
      expect.stringContaining('résultat de formule'),
      expect.stringContaining('nombre'),
      expect.stringContaining('date'),
    ]);
  });
});
