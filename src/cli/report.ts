/** The analysis of one workbook as a French text report and as JSON. */
import { formatRate } from '../domain/analyse';
import { GAP_COUNTS } from '../domain/gapCounts';
import type { Analysis, ContinuityView, Rate } from '../domain/model';
import type { Establishment } from './consolidation/identity';

export const RATE_KEYS = ['informatisation', 'interoperabilite', 'continuite', 'rupture'] as const;
export type RateKey = (typeof RATE_KEYS)[number];
export type RateValues = Record<RateKey, number | null>;

export const RATE_LABELS: Record<RateKey, string> = {
  informatisation: "Taux d'informatisation",
  interoperabilite: "Taux d'interopérabilité",
  continuite: 'Taux de continuité',
  rupture: 'Taux de points de rupture',
};

const SHORT_LABELS: Record<RateKey, string> = {
  informatisation: 'informatisation',
  interoperabilite: 'interopérabilité',
  continuite: 'continuité',
  rupture: 'rupture',
};

/** The values of the rates an object carries, under their JSON keys. */
function valuesOf<K extends RateKey>(set: Record<K, Rate>, keys: readonly K[]): Record<K, number | null> {
  return Object.fromEntries(keys.map((key) => [key, set[key].value])) as Record<K, number | null>;
}

const TRANSITION_KEYS = ['interoperabilite', 'continuite', 'rupture'] as const;

export function rateValues(set: Record<RateKey, Rate>): RateValues {
  return valuesOf(set, RATE_KEYS);
}

function viewJson(view: ContinuityView) {
  return { label: view.label, ...valuesOf(view, TRANSITION_KEYS), transitions: view.transitions.map((t) => `${t.from}>${t.to}`) };
}

export function analysisJson(file: string, analysis: Analysis, establishment?: Establishment) {
  const { figures } = analysis;
  return {
    fichier: file,
    ...(establishment ? { etablissement: establishment } : {}),
    completude: figures.overall.completude.value,
    rates: rateValues(figures.overall),
    etapesInformatisees: figures.overall.etapesInformatisees.value,
    zones: figures.zones.map((zone) => ({
      zone: zone.zone,
      label: zone.label,
      completude: zone.completude.value,
      ...rateValues(zone),
    })),
    etapes: figures.steps.map((step) => ({
      etape: step.step,
      label: step.label,
      zone: step.zone,
      completude: step.completude.value,
      etapesInformatisees: step.etapesInformatisees.value,
      ...rateValues(step),
    })),
    transitions: figures.transitions.map((transition) => ({
      de: transition.from,
      vers: transition.to,
      label: `${transition.fromLabel} → ${transition.toLabel}`,
      interZones: transition.crossZone,
      lignes: transition.rows,
      ruptures: transition.ruptures,
      ...valuesOf(transition, TRANSITION_KEYS),
    })),
    continuite: {
      pui: viewJson(figures.views.pui),
      transitions: viewJson(figures.views.transitions),
      blocs: viewJson(figures.views.blocs),
    },
    equipement: {
      lecteurs: figures.equipment.lecteurs.value,
      depots: figures.equipment.depots.value,
      etapes: figures.equipment.steps.map((step) => ({
        etape: step.step,
        informatisation: step.informatisation,
        logiciel: step.software,
        lecteur: step.lecteur,
        depot: step.depot,
        iudId: step.iudId,
        iudIp: step.iudIp,
      })),
    },
    ecarts: Object.fromEntries(GAP_COUNTS.map((gap) => [gap.key, { label: gap.label, reference: gap.reference, nombre: figures.counts[gap.key] }])),
    actions: analysis.proposals.map((p) => ({ ref: p.ref, cle: p.templateKey, priorite: p.priority, zoneEtape: p.scope, constat: p.finding, action: p.action })),
    findings: analysis.findings.map((finding) => ({
      sheet: finding.sheet,
      cell: finding.cell,
      kind: finding.kind,
      message: finding.message,
      label: finding.rowLabel,
    })),
  };
}

export type AnalysisJson = ReturnType<typeof analysisJson>;

const FINDING_TITLES = {
  invalide: 'Saisie invalide',
  incoherence: 'Incohérence',
  'non-renseigne': 'Non renseigné',
  reference: 'Référence',
  libelle: 'Libellé',
  'hors-cartographie': 'Hors cartographie',
  fusion: 'Cellules fusionnées',
} as const;

function rateLine(label: string, rate: Rate): string {
  return `${label} : ${formatRate(rate)}` + (rate.value === null ? '' : ` (${rate.numerator}/${rate.denominator})`);
}

export function analysisText(file: string, analysis: Analysis, establishment?: Establishment): string {
  const { figures, findings, proposals } = analysis;
  const { counts } = figures;
  const lines = [`Cartographie : ${file}`];
  if (establishment) {
    const details = [establishment.finess && `FINESS ${establishment.finess}`, establishment.date].filter(Boolean);
    lines.push(`Établissement : ${establishment.name}${details.length ? ` (${details.join(', ')})` : ''}`);
  }
  lines.push(
    '',
    `Complétude : ${formatRate(figures.overall.completude)} (${counts.answered} lignes renseignées sur ${counts.rows})`,
    ...RATE_KEYS.map((key) => rateLine(RATE_LABELS[key], figures.overall[key])),
    ...GAP_COUNTS.map((gap) => `${gap.label} : ${counts[gap.key]} (${gap.reference})`),
    '',
    'Par zone :',
    ...figures.zones.map(
      (zone) => `  ${zone.label} : ${RATE_KEYS.map((key) => `${SHORT_LABELS[key]} ${formatRate(zone[key])}`).join(' · ')}`,
    ),
  );
  const broken = figures.transitions.filter((transition) => transition.ruptures > 0);
  lines.push('', broken.length ? 'Transitions en rupture :' : 'Aucune rupture sur les transitions renseignées.');
  for (const transition of broken) {
    lines.push(`  ${transition.fromLabel} → ${transition.toLabel} : ${transition.ruptures} rupture(s) sur ${transition.rows} ligne(s)`);
  }
  const flagged = findings.filter((finding) => finding.kind !== 'non-renseigne');
  lines.push('', flagged.length ? `Constats à corriger (${flagged.length}) :` : 'Aucune saisie invalide ni incohérence.');
  for (const finding of flagged) {
    lines.push(`  ${FINDING_TITLES[finding.kind]} – feuille « ${finding.sheet} », cellule ${finding.cell}, ligne « ${finding.rowLabel} » : ${finding.message}`);
  }
  if (counts.empty > 0) lines.push(`  ${counts.empty} ligne(s) non renseignée(s).`);
  if (proposals.length) {
    lines.push('', `Actions proposées (${proposals.length}, les 5 premières) :`);
    for (const proposal of proposals.slice(0, 5)) lines.push(`  P${proposal.priority} · ${proposal.scope} : ${proposal.action}`);
  }
  return lines.join('\n');
}
