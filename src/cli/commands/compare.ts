/** `comparer ANCIEN.xlsx NOUVEAU.xlsx`: the evolution from one campaign to the next, in French or JSON. */
import { compareCampaigns, type Comparison } from '../../domain/campaign/compare';
import { formatEvolution, formatRates } from '../../domain/campaign/format';
import type { PlanRow } from '../../domain/model';
import { readCampaign, type CampaignFile } from '../campaign';
import type { CliIo } from '../io';

export interface CompareOptions {
  json?: boolean;
}

const integer = new Intl.NumberFormat('fr-FR');

function plural(n: number, singular: string, plural = `${singular}s`): string {
  return `${integer.format(n)} ${n > 1 ? plural : singular}`;
}

function action(row: PlanRow): { ref: string; action: string; scope: string; status: PlanRow['status']; dueDate: PlanRow['dueDate'] } {
  return { ref: row.ref, action: row.action, scope: row.scope, status: row.status, dueDate: row.dueDate };
}

export function comparisonJson(previous: CampaignFile, current: CampaignFile, comparison: Comparison): unknown {
  const { actions } = comparison;
  return {
    ancien: { fichier: previous.file, etablissement: previous.establishment },
    nouveau: { fichier: current.file, etablissement: current.establishment },
    taux: comparison.rates.map((r) => ({ taux: r.key, libelle: r.label, avant: r.before.value, apres: r.after.value, points: r.points, amelioration: r.improved })),
    ecarts: comparison.counts.map((c) => ({ ecart: c.key, libelle: c.label, avant: c.before, apres: c.after })),
    rupturesFermees: comparison.closedRuptures,
    rupturesApparues: comparison.newRuptures,
    actions: {
      realisees: actions.done.map(action),
      realiseesConstatToujoursPresent: actions.doneGapStillThere.map(action),
      enRetard: actions.late.map(action),
      abandonnees: actions.abandoned.map(action),
      enCours: actions.open.map(action),
    },
    nonCompare: comparison.notCompared,
  };
}

export function comparisonText(previous: CampaignFile, current: CampaignFile, comparison: Comparison): string {
  const lines = [`Évolution de ${current.establishment.name}`, `Campagne précédente : ${previous.file}`, `Campagne actuelle : ${current.file}`, '', 'Taux'];
  const width = Math.max(...comparison.rates.map((r) => r.label.length));
  for (const rate of comparison.rates) lines.push(`  ${rate.label.padEnd(width)}  ${formatRates(rate).padEnd(24)} ${formatEvolution(rate)}`);
  lines.push('', 'Écarts');
  for (const count of comparison.counts) lines.push(`  ${count.label} : ${integer.format(count.before)} → ${integer.format(count.after)}`);
  const transitions = (title: string, list: Comparison['closedRuptures']): void => {
    lines.push('', `${title} : ${list.length === 0 ? 'aucune' : ''}`);
    for (const t of list) lines.push(`  ${t.fromLabel} → ${t.toLabel} (${plural(t.rupturesBefore, 'rupture')} → ${integer.format(t.rupturesAfter)})`);
  };
  transitions('Ruptures fermées', comparison.closedRuptures);
  transitions('Ruptures apparues', comparison.newRuptures);
  const { actions } = comparison;
  lines.push(
    '',
    `Actions de la campagne précédente : ${plural(actions.done.length, 'réalisée')}, ${plural(actions.late.length, 'en retard', 'en retard')}, ${plural(actions.abandoned.length, 'abandonnée')}, ${plural(actions.open.length, 'en cours ou à lancer', 'en cours ou à lancer')}.`,
  );
  for (const row of actions.doneGapStillThere) lines.push(`  Action réalisée, constat toujours présent : ${row.action} (${row.scope})`);
  for (const row of actions.late) lines.push(`  En retard : ${row.action} (${row.scope})`);
  if (comparison.notCompared.length > 0) lines.push('', 'Non comparé', ...comparison.notCompared.map((text) => `  ${text}`));
  return lines.join('\n');
}

export async function compareCommand(previousFile: string, currentFile: string, options: CompareOptions, io: CliIo, date = new Date()): Promise<number> {
  const previous = await readCampaign(previousFile);
  const current = await readCampaign(currentFile);
  const comparison = compareCampaigns(previous, current, date);
  io.out(options.json ? `${JSON.stringify(comparisonJson(previous, current, comparison), null, 2)}\n` : `${comparisonText(previous, current, comparison)}\n`);
  return 0;
}
