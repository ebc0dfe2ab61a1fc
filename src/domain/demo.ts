/**
 * A fictitious establishment for demonstrations: PUI mostly computerised (GEF and PUI software),
 * bloc partly computerised, ruptures PUI → bloc and bloc → DPI, IUD-IP not captured at pose.
 * Every name is invented; the answers are deterministic and cover every row of the catalogue.
 */
import { CATALOGUE } from './catalogue';
import type { Answer, Question } from './model';

export interface DemoAnswer {
  ref: string;
  answer: string;
  comment?: string;
}

export const DEMO_ESTABLISHMENT = {
  name: 'Centre hospitalier fictif de Valmont – établissement de démonstration',
  finess: '000000000',
  date: '2025-03-14',
} as const;

const GEF = 'GEF Orion (éditeur fictif Astrée Informatique)';
const PUI = 'PharmaDMI Vega (éditeur fictif Logipharm Démo)';
const BLOC = 'BlocTrace Sirius (éditeur fictif Chirsoft Démo)';
const DPI = 'DPI Hélios (éditeur fictif MedInfo Démo)';
const PMSI = 'DIM Atlas (éditeur fictif Codage Démo)';

type Reply = [Answer, string?];

const INFORMATISATION: Record<string, Reply> = {
  referencement: ['OUI', GEF],
  commande: ['OUI', GEF],
  livraison: ['NON', "Bons de livraison papier, pas d'EDI avec les fournisseurs"],
  'reception-livraison': ['OUI', GEF],
  'reception-unitaire': ['OUI', PUI],
  depots: ['OUI', PUI],
  delivrance: ['OUI', PUI],
  'reception-bloc': ['NON', 'Cahier de réception papier au bloc'],
  pose: ['OUI', BLOC],
  consommation: ['OUI', `${PUI}, à partir des étiquettes collées au bloc`],
  'dossier-patient': ['OUI', DPI],
  'document-patient': ['OUI', DPI],
  'rappel-lot': ['OUI', PUI],
  pmsi: ['OUI', PMSI],
  facturation: ['OUI', GEF],
  ville: ['OUI', `${DPI} → DMP`],
};

/** Donnée answers that differ from the step's Informatisation, keyed "step:datum". */
const DATA_EXCEPTIONS: Record<string, Reply> = {
  'pose:iud-ip': ['NON', 'Seul le code produit est scanné : lot et péremption ressaisis à la main'],
  'dossier-patient:iud-id': ['NON'],
  'dossier-patient:iud-ip': ['NON'],
  'document-patient:carte-implant': ['NON', "Carte d'implant du fabricant remplie à la main"],
  'document-patient:iud-id': ['NON'],
  'document-patient:iud-ip': ['NON'],
  'rappel-lot:iud-ip': ['NON'],
  'facturation:lot-serie': ['NA', 'Pas de facturation au lot dans cet établissement'],
  'ville:carte-implant': ['NON'],
  'ville:lot-serie': ['NON'],
  'ville:iud-id': ['NON'],
};

const READERS: Record<string, Reply> = {
  'reception-unitaire': ['OUI', 'Douchettes 2D (GS1 DataMatrix)'],
  depots: ['OUI'],
  delivrance: ['OUI'],
  'reception-bloc': ['NON'],
  pose: ['NON', 'Pas de douchette en salle : saisie manuelle'],
  consommation: ['NA', 'Consommation générée depuis la pose'],
};

const DEPOTS: Record<string, Reply> = {
  'reception-livraison': ['OUI'],
  'reception-unitaire': ['OUI'],
  depots: ['OUI', `Dépôts permanents et prêts suivis dans ${PUI}`],
  delivrance: ['OUI'],
  'reception-bloc': ['NON', 'Dépôts du bloc suivis sur un tableur'],
  consommation: ['NON', 'Régularisation des dépôts par fax au fournisseur'],
};

/** Interopérabilité answers by transition, with per-datum exceptions. */
const LINKS: Record<string, { answer: Answer; comment?: string; except?: Record<string, Answer> }> = {
  'livraison>reception-livraison': { answer: 'NON', comment: 'Bon de livraison papier ressaisi' },
  'referencement>reception-unitaire': { answer: 'OUI', comment: `Interface référentiel ${GEF} → ${PUI}` },
  'reception-livraison>reception-unitaire': {
    answer: 'NON',
    comment: 'Lot et péremption ressaisis dans le logiciel PUI',
    except: { denomination: 'OUI', 'iud-id': 'OUI' },
  },
  'reception-unitaire>delivrance': { answer: 'NA', comment: `Même logiciel (${PUI})` },
  'depots>delivrance': { answer: 'NA' },
  'delivrance>reception-bloc': { answer: 'NON', comment: 'Bon de délivrance papier' },
  'reception-bloc>pose': { answer: 'NON' },
  'pose>consommation': { answer: 'OUI', except: { patient: 'NON' } },
  'pose>dossier-patient': { answer: 'NON', comment: 'Étiquettes collées dans le CRO, ressaisie dans le DPI' },
  'consommation>depots': { answer: 'NA' },
  'consommation>commande': { answer: 'OUI', comment: `Réassort automatique ${PUI} → ${GEF}` },
  'pose>pmsi': { answer: 'NON', comment: 'FICHCOMP saisi par le DIM à partir des étiquettes' },
  'dossier-patient>document-patient': { answer: 'NA', comment: `Même logiciel (${DPI})` },
  'pose>rappel-lot': { answer: 'OUI', except: { 'iud-ip': 'NON' } },
  'pmsi>facturation': { answer: 'OUI' },
  'dossier-patient>ville': { answer: 'NON', comment: 'Seule la lettre de liaison part au DMP', except: { dossier: 'OUI' } },
};

function reply(question: Question): Reply {
  const informatisation = INFORMATISATION[question.step] ?? ['NA'];
  switch (question.type) {
    case 'Informatisation':
      return informatisation;
    case 'Donnée':
      return DATA_EXCEPTIONS[`${question.step}:${question.datum}`] ?? [informatisation[0]];
    case 'Lecteur':
      return READERS[question.step] ?? ['NA'];
    case 'Dépôt':
      return DEPOTS[question.step] ?? ['NA'];
    case 'Interopérabilité': {
      const link = LINKS[`${question.step}>${question.to}`];
      if (!link) return ['NA'];
      return [link.except?.[question.datum ?? ''] ?? link.answer, link.comment];
    }
  }
}

/** The demo establishment's answer to every row of the catalogue; a transition's comment goes on its first row only. */
export function demoAnswers(): DemoAnswer[] {
  const commented = new Set<string>();
  return CATALOGUE.questions.map((question) => {
    const [answer, comment] = reply(question);
    const link = `${question.step}>${question.to}`;
    if (comment === undefined || (question.type === 'Interopérabilité' && commented.has(link))) return { ref: question.ref, answer };
    if (question.type === 'Interopérabilité') commented.add(link);
    return { ref: question.ref, answer, comment };
  });
}
