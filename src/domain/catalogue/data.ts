/**
 * The RESOMEDIT circuit as data (SPEC §4-§5): zones, steps, data, transitions, and which
 * questions each step and transition carries. Reference codes key every answer: once
 * published, a code is never changed or reused.
 */
import type { Datum, Step, Transition, Zone } from '../model';

export const ZONES: Zone[] = [
  { id: 'fournisseurs', label: 'FOURNISSEURS', order: 1 },
  { id: 'pui', label: 'CIRCUIT A LA PUI', order: 2 },
  { id: 'bloc', label: 'CIRCUIT AU BLOC OPERATOIRE', order: 3 },
  { id: 'patient', label: "A L'HOPITAL – DONNEES PATIENTS", order: 4 },
  { id: 'financier', label: 'DONNEES FINANCIERES', order: 5 },
  { id: 'ville', label: "DONNEES DU PATIENT EN DEHORS DE L'HOPITAL", order: 6 },
];

export const STEPS: Step[] = [
  { id: 'referencement', zone: 'fournisseurs', label: 'Référencement des DMI (liste des DMI préconisés)', traceability: 'both', software: 'GEF, logiciel PUI, base produits', order: 1 },
  { id: 'commande', zone: 'fournisseurs', label: 'Commande (dont réassort)', traceability: 'financiere', software: 'GEF / ERP', order: 2 },
  { id: 'livraison', zone: 'fournisseurs', label: 'Livraison, bon de livraison', traceability: 'financiere', software: 'EDI fournisseur → GEF', order: 3 },
  { id: 'reception-livraison', zone: 'pui', label: 'Réception et contrôle de la livraison', traceability: 'financiere', software: 'GEF', order: 4 },
  { id: 'reception-unitaire', zone: 'pui', label: 'Réception unitaire, entrée en stock', traceability: 'sanitaire', software: 'Logiciel de stock PUI', order: 5 },
  { id: 'depots', zone: 'pui', label: 'Gestion des dépôts permanents, temporaires et prêts', traceability: 'both', software: 'Logiciel PUI', order: 6 },
  { id: 'delivrance', zone: 'pui', label: 'Délivrance au service utilisateur', traceability: 'sanitaire', software: 'Logiciel PUI', order: 7 },
  { id: 'reception-bloc', zone: 'bloc', label: 'Réception au bloc, stock de proximité', traceability: 'sanitaire', software: 'Logiciel de traçabilité du bloc', order: 8 },
  { id: 'pose', zone: 'bloc', label: 'Pose du DMI (ou échec de pose et motif)', traceability: 'sanitaire', software: 'Logiciel de bloc / module du DPI', order: 9 },
  { id: 'consommation', zone: 'bloc', label: 'Déclaration de consommation à la PUI (réassort, dépôts)', traceability: 'financiere', software: 'Logiciel PUI → GEF', order: 10 },
  { id: 'dossier-patient', zone: 'patient', label: 'Dossier patient, compte rendu opératoire', traceability: 'sanitaire', software: 'DPI', order: 11 },
  { id: 'document-patient', zone: 'patient', label: "Document remis au patient, carte d'implant", traceability: 'sanitaire', software: 'DPI ou logiciel de bloc', order: 12 },
  { id: 'rappel-lot', zone: 'patient', label: 'Rappel de lot, matériovigilance', traceability: 'sanitaire', software: 'Logiciel de traçabilité', order: 13 },
  { id: 'pmsi', zone: 'financier', label: 'PMSI : FICHCOMP DMI en sus, DM intra-GHS', traceability: 'financiere', software: 'Logiciel PMSI / DIM', order: 14 },
  { id: 'facturation', zone: 'financier', label: 'Liquidation des factures fournisseurs, facturation', traceability: 'financiere', software: 'GEF, facturation', order: 15 },
  { id: 'ville', zone: 'ville', label: 'Lettre de liaison, DMP / Mon espace santé, médecin traitant', traceability: 'sanitaire', software: 'DPI → DMP', order: 16 },
];

/**
 * Steps where the law requires the traceability data (R5212-38 to -42 CSP, MDR art. 18 and 27,
 * arrêté du 8 septembre 2021): from unit reception to the patient. A regulatory datum is critical
 * at these steps only, and a transmission between two of them carries sanitary traceability.
 * Référencement, the financial steps and the city side are outside this list.
 */
export const TRACEABILITY_STEPS: readonly string[] = [
  'reception-unitaire',
  'depots',
  'delivrance',
  'reception-bloc',
  'pose',
  'dossier-patient',
  'document-patient',
  'rappel-lot',
];

const IUD_SOURCE = 'MDR 2017/745 art. 27 ; arrêté du 8 septembre 2021';

export const DATA: Datum[] = [
  { id: 'denomination', label: 'Dénomination, référence fabricant', source: 'R5212-38 CSP', critical: true },
  { id: 'lot-serie', label: 'N° de lot ou de série', source: 'R5212-38 CSP', critical: true },
  { id: 'fabricant', label: 'Fabricant ou mandataire', source: 'R5212-38 CSP', critical: true },
  { id: 'delivrance', label: 'Date de délivrance, service utilisateur', source: 'R5212-38 CSP', critical: true },
  { id: 'date-pose', label: "Date d'utilisation (pose)", source: 'R5212-39 CSP', critical: true },
  { id: 'patient', label: 'Identification du patient (nom, prénom, date de naissance, INS, IPP)', source: 'R5212-39 CSP', critical: true },
  { id: 'medecin', label: 'Médecin utilisateur (RPPS)', source: 'R5212-39 CSP', critical: true },
  { id: 'dossier', label: 'DMI, date et médecin tracés dans le dossier patient', source: 'R5212-40 CSP', critical: true },
  { id: 'document-patient', label: 'Document remis au patient', source: 'R5212-42 CSP', critical: true },
  { id: 'lieu-pose', label: "Lieu d'utilisation (établissement, service)", source: 'R5212-42 CSP', critical: true },
  {
    id: 'carte-implant',
    label: "Carte d'implant (identité du patient, nom du DMI, lot/série, IUD, modèle, fabricant)",
    source: 'MDR 2017/745 art. 18',
    critical: true,
  },
  { id: 'iud-id', label: 'IUD-ID (identifiant du dispositif)', source: IUD_SOURCE, critical: true },
  { id: 'iud-ip', label: 'IUD-IP (identifiant de production : lot, série, dates)', source: IUD_SOURCE, critical: true },
  { id: 'peremption', label: 'Date de péremption', source: 'arrêté du 8 septembre 2021', critical: false },
  { id: 'fichcomp', label: "FICHCOMP (code LPP, quantité, prix d'achat, date de pose, FINESS)", source: 'PMSI FICHCOMP', critical: false },
];

export const TRANSITIONS: Transition[] = [
  { from: 'livraison', to: 'reception-livraison', label: 'Fournisseur → GEF (EDI, bon de livraison)', traceability: 'financiere' },
  { from: 'referencement', to: 'reception-unitaire', label: 'Référentiel GEF → logiciel PUI', traceability: 'both' },
  { from: 'reception-livraison', to: 'reception-unitaire', label: 'GEF → logiciel PUI (réception)', traceability: 'both' },
  { from: 'reception-unitaire', to: 'delivrance', label: 'Stock PUI → délivrance', traceability: 'sanitaire' },
  { from: 'depots', to: 'delivrance', label: 'Dépôts → délivrance', traceability: 'both' },
  { from: 'delivrance', to: 'reception-bloc', label: 'Délivrance PUI → réception au bloc', traceability: 'sanitaire' },
  { from: 'reception-bloc', to: 'pose', label: 'Stock du bloc → pose', traceability: 'sanitaire' },
  { from: 'pose', to: 'consommation', label: 'Pose → déclaration de consommation', traceability: 'financiere' },
  { from: 'pose', to: 'dossier-patient', label: 'Pose → dossier patient / CRO', traceability: 'sanitaire' },
  { from: 'consommation', to: 'depots', label: 'Consommation → régularisation des dépôts', traceability: 'financiere' },
  { from: 'consommation', to: 'commande', label: 'Consommation → réassort (commande)', traceability: 'financiere' },
  { from: 'pose', to: 'pmsi', label: 'Pose → PMSI (FICHCOMP)', traceability: 'financiere' },
  { from: 'dossier-patient', to: 'document-patient', label: "DPI → document patient / carte d'implant", traceability: 'sanitaire' },
  { from: 'pose', to: 'rappel-lot', label: 'Pose → requête de rappel de lot', traceability: 'sanitaire' },
  { from: 'pmsi', to: 'facturation', label: 'PMSI → facturation', traceability: 'financiere' },
  { from: 'dossier-patient', to: 'ville', label: 'DPI → DMP / lettre de liaison', traceability: 'sanitaire' },
];

/** Short codes used to build references: "PUI-REC-LOT", "IO-DEL-RBO-LOT". */
export const STEP_CODES: Record<string, { ref: string; short: string }> = {
  referencement: { ref: 'FOU-REF', short: 'REF' },
  commande: { ref: 'FOU-CMD', short: 'CMD' },
  livraison: { ref: 'FOU-LIV', short: 'LIV' },
  'reception-livraison': { ref: 'PUI-RCL', short: 'RCL' },
  'reception-unitaire': { ref: 'PUI-REC', short: 'REC' },
  depots: { ref: 'PUI-DEP', short: 'DEP' },
  delivrance: { ref: 'PUI-DEL', short: 'DEL' },
  'reception-bloc': { ref: 'BLOC-REC', short: 'RBO' },
  pose: { ref: 'BLOC-POS', short: 'POS' },
  consommation: { ref: 'BLOC-CSO', short: 'CSO' },
  'dossier-patient': { ref: 'PAT-DOS', short: 'DOS' },
  'document-patient': { ref: 'PAT-DOC', short: 'DOC' },
  'rappel-lot': { ref: 'PAT-RAP', short: 'RAP' },
  pmsi: { ref: 'FIN-PMSI', short: 'PMS' },
  facturation: { ref: 'FIN-FAC', short: 'FAC' },
  ville: { ref: 'VIL-DMP', short: 'VIL' },
};

export const DATUM_CODES: Record<string, string> = {
  denomination: 'DEN',
  'lot-serie': 'LOT',
  fabricant: 'FAB',
  delivrance: 'DLV',
  'date-pose': 'DPO',
  patient: 'PAT',
  medecin: 'MED',
  dossier: 'DOS',
  'document-patient': 'DOC',
  'lieu-pose': 'LIE',
  'carte-implant': 'CAR',
  'iud-id': 'IUDID',
  'iud-ip': 'IUDIP',
  peremption: 'PER',
  fichcomp: 'FIC',
};

/** What is asked at each step besides its Informatisation row. */
export interface StepQuestions {
  /** Data whose field must exist at this step (Donnée rows). */
  data: string[];
  /** Barcode scanning happens here (Lecteur row). */
  reader?: boolean;
  /** Label of the Dépôt row, for PUI and bloc steps. */
  depot?: string;
}

export const STEP_QUESTIONS: Record<string, StepQuestions> = {
  referencement: { data: ['denomination', 'fabricant', 'iud-id'] },
  commande: { data: ['denomination', 'fabricant'] },
  livraison: { data: ['denomination', 'lot-serie', 'peremption', 'iud-id', 'iud-ip'] },
  'reception-livraison': {
    data: ['denomination', 'lot-serie', 'fabricant', 'peremption', 'iud-id', 'iud-ip'],
    depot: 'Gestion des dépôts : réception des DMI en dépôt (temporaire, permanent, prêt) identifiée ?',
  },
  'reception-unitaire': {
    data: ['denomination', 'lot-serie', 'fabricant', 'peremption', 'iud-id', 'iud-ip'],
    reader: true,
    depot: 'Gestion des dépôts : entrée en stock des DMI en dépôt distinguée ?',
  },
  depots: {
    data: ['denomination', 'lot-serie', 'peremption', 'iud-id', 'iud-ip'],
    reader: true,
    depot: 'Gestion des dépôts temporaires et/ou permanents ?',
  },
  delivrance: {
    data: ['denomination', 'lot-serie', 'delivrance', 'iud-id', 'iud-ip'],
    reader: true,
    depot: 'Gestion des dépôts : délivrance des DMI en dépôt tracée ?',
  },
  'reception-bloc': {
    data: ['denomination', 'lot-serie', 'delivrance', 'peremption', 'iud-id', 'iud-ip'],
    reader: true,
    depot: 'Gestion des dépôts : stock de proximité en dépôt suivi au bloc ?',
  },
  pose: {
    data: ['denomination', 'lot-serie', 'fabricant', 'peremption', 'date-pose', 'patient', 'medecin', 'iud-id', 'iud-ip', 'fichcomp'],
    reader: true,
    depot: "Gestion des dépôts : pose d'un DMI en dépôt identifiée (consommation à régulariser) ?",
  },
  consommation: {
    data: ['denomination', 'lot-serie', 'date-pose', 'iud-id', 'fichcomp', 'iud-ip'],
    reader: true,
    depot: 'Gestion des dépôts : consommation déclarée pour régularisation et réassort ?',
  },
  'dossier-patient': { data: ['dossier', 'denomination', 'lot-serie', 'date-pose', 'patient', 'medecin', 'iud-id', 'iud-ip', 'fabricant'] },
  'document-patient': {
    data: ['document-patient', 'carte-implant', 'denomination', 'lot-serie', 'fabricant', 'date-pose', 'iud-id', 'iud-ip', 'medecin', 'lieu-pose'],
  },
  'rappel-lot': { data: ['lot-serie', 'denomination', 'date-pose', 'patient', 'iud-id', 'iud-ip'] },
  pmsi: { data: ['fichcomp', 'denomination', 'date-pose', 'patient'] },
  facturation: { data: ['fichcomp', 'denomination', 'lot-serie'] },
  ville: { data: ['dossier', 'carte-implant', 'denomination', 'lot-serie', 'patient', 'iud-id', 'iud-ip'] },
};

/** Data transmitted on each transition, keyed "from>to" (one Interopérabilité row each). */
export const TRANSMITTED: Record<string, string[]> = {
  'livraison>reception-livraison': ['denomination', 'lot-serie', 'peremption', 'iud-id', 'iud-ip'],
  'referencement>reception-unitaire': ['denomination', 'fabricant', 'iud-id'],
  'reception-livraison>reception-unitaire': ['denomination', 'lot-serie', 'peremption', 'iud-id', 'iud-ip'],
  'reception-unitaire>delivrance': ['denomination', 'lot-serie', 'iud-id', 'iud-ip'],
  'depots>delivrance': ['denomination', 'lot-serie', 'iud-ip'],
  'delivrance>reception-bloc': ['denomination', 'lot-serie', 'delivrance', 'iud-id', 'iud-ip'],
  'reception-bloc>pose': ['denomination', 'lot-serie', 'iud-id', 'iud-ip'],
  'pose>consommation': ['denomination', 'lot-serie', 'date-pose', 'patient'],
  'pose>dossier-patient': ['denomination', 'lot-serie', 'date-pose', 'medecin', 'iud-id', 'iud-ip', 'fabricant'],
  'consommation>depots': ['denomination', 'lot-serie'],
  'consommation>commande': ['denomination', 'fabricant'],
  'pose>pmsi': ['fichcomp', 'date-pose', 'patient'],
  'dossier-patient>document-patient': ['denomination', 'lot-serie', 'date-pose', 'iud-id', 'iud-ip'],
  'pose>rappel-lot': ['lot-serie', 'patient', 'date-pose', 'iud-id', 'iud-ip'],
  'pmsi>facturation': ['fichcomp'],
  'dossier-patient>ville': ['dossier', 'denomination', 'lot-serie', 'iud-id', 'iud-ip'],
};
