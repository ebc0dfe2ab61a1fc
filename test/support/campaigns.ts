/**
 * Two campaigns of the demo establishment as .xlsx files: this year's demo, and the same establishment
 * one year later with the ruptures of one transition closed, two actions done and a new flow added.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { analyse } from '../../src/domain/analyse';
import type { Cartographie, TransitionFigures } from '../../src/domain/model';
import { runCli } from '../cli/runCli';

export interface TwoCampaigns {
  previous: string;
  current: string;
  /** The transition whose ruptures were all closed. */
  closed: TransitionFigures;
  /** References of the two actions marked Réalisé during the year. */
  done: string[];
}

async function open(file: string): Promise<XlsxWorkbookPort> {
  const opened = await XlsxWorkbookPort.open(file);
  if (!opened.ok) throw new Error(opened.problem.message);
  return opened.port;
}

async function cartographie(port: XlsxWorkbookPort): Promise<Cartographie> {
  const read = await port.readCartographie();
  if (!read.ok) throw new Error('cartographie illisible');
  return read.value;
}

export async function twoCampaigns(dir: string): Promise<TwoCampaigns> {
  const previous = join(dir, 'campagne-2025.xlsx');
  const current = join(dir, 'campagne-2026.xlsx');
  if ((await runCli('init', previous, '--demo')).code !== 0) throw new Error('init --demo a échoué');
  copyFileSync(previous, current);

  const port = await open(current);
  const before = await cartographie(port);
  const closed = analyse(before).figures.transitions.find((t) => t.ruptures > 1);
  if (!closed) throw new Error('la démonstration n’a pas de transition à plusieurs ruptures');
  const sheet = port.worksheet('cartographie');
  if (!sheet.ok) throw new Error('cartographie absente');
  // The establishment computerised both ends of the transition and interfaced them.
  const flows = before.entries.filter((e) => e.type === 'Interopérabilité' && e.step === closed.fromLabel && e.to === closed.toLabel);
  const software = before.entries.filter((e) => e.type === 'Informatisation' && [closed.fromLabel, closed.toLabel].includes(e.step));
  for (const entry of [...flows, ...software]) sheet.value.getCell(entry.answerCell).value = 'OUI';
  // A flow the establishment adds under the table: pose → DMP, not yet interfaced.
  const last = before.entries[before.entries.length - 1];
  const added = sheet.value.getRow(last.row + 1);
  // Columns of the template: Réf., Zone, Étape, Type, Élément évalué, Vers l'étape, Critique, Réponse.
  const values = ['ES-POSE-DMP', "DONNEES DU PATIENT EN DEHORS DE L'HOPITAL", 'Pose du DMI (ou échec de pose et motif)', 'Interopérabilité', 'CRO et carte d’implant vers le DMP', 'DMP / Mon espace santé', 'NON', 'NON'];
  values.forEach((value, index) => (added.getCell(index + 1).value = value));

  // Two actions done during the year: two whose gap the new answers closed.
  const plan = await port.readPlan();
  if (!plan.ok) throw new Error('plan absent');
  const gaps = new Set(analyse(await cartographie(port)).proposals.map((p) => p.ref));
  const done = plan.value.filter((row) => !gaps.has(row.ref)).slice(0, 2).map((row) => row.ref);
  if (done.length < 2) throw new Error('moins de deux actions closes par les nouvelles réponses');
  await port.writePlan(plan.value.map((row) => (done.includes(row.ref) ? { ...row, status: 'Réalisé' } : row)));
  await port.save(current);
  return { previous, current, closed, done };
}
