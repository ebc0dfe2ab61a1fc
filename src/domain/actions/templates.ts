/**
 * Action templates of the plan d'action (SPEC §8), as data. Priorities: 1 breach of sanitary
 * traceability, 2 interoperability and IUD rollout, readers, dépôts, PMSI flows, 3 financial and
 * city-side improvements, 4 comfort. Keys are stable: the plan matches the user's follow-up by them.
 * Findings may use {etapes}, {donnees}, {transitions}, {nombre}, {refs} and {taux}.
 * Priority 1 follows the regulatory counts exactly: every Donnée or Interopérabilité row marked
 * critical and answered NON fires a priority-1 template, and no other Donnée or rupture does.
 */
import type { ActionTemplate } from './schema';

const SANITAIRE = 'Traçabilité sanitaire';
const FINANCIERE = 'Traçabilité financière';
const INTEROP = 'Interopérabilité';
const IUD = 'IUD';
const EQUIPEMENT = 'Équipement';
const DEPOTS = 'Dépôts';
const PMSI = 'PMSI / facturation';
const VILLE = 'Ville-hôpital';
const ORGANISATION = 'Organisation';

const TEMPLATES: ActionTemplate[] = [
  // Priority 1: breaches of sanitary traceability.
  {
    key: 'INFO-PUI-RECEPTION',
    priority: 1,
    axis: SANITAIRE,
    per: 'global',
    condition: { kind: 'informatisation', steps: ['reception-unitaire', 'delivrance'], answer: 'NON' },
    finding:
      "Pas de logiciel aux étapes suivantes de la PUI : {etapes}. Le lot ou le numéro de série, la péremption et l'IUD de chaque DMI ne sont pas enregistrés à l'unité.",
    action:
      "Informatiser la réception unitaire et la délivrance des DMI : entrée en stock avec lot ou série, date de péremption et IUD lus au code-barres, délivrance tracée par service utilisateur et par date.",
    actors: 'Pharmacien PUI, préparateurs, DSI, éditeur du logiciel PUI',
    indicator: "Part des DMI reçus enregistrés à l'unité dans le logiciel de la PUI (%)",
  },
  {
    key: 'INFO-BLOC-POSE',
    priority: 1,
    axis: SANITAIRE,
    per: 'global',
    condition: { kind: 'informatisation', steps: ['pose'], answer: 'NON' },
    finding:
      "La pose n'est pas informatisée ({etapes}) : le lien entre le DMI et le patient (R5212-39 CSP) repose sur une saisie manuelle ou des étiquettes collées.",
    action:
      'Déployer la traçabilité informatisée de la pose au bloc : lecture du DMI au moment de la pose, rattachement au patient (INS, IPP), à la date et au chirurgien, enregistrement des échecs de pose et de leur motif.',
    actors: 'Cadre de bloc, IBODE, chirurgiens, pharmacien, DSI',
    indicator: 'Part des poses de DMI tracées informatiquement au bloc (%)',
  },
  {
    key: 'INFO-DOSSIER-PATIENT',
    priority: 1,
    axis: SANITAIRE,
    per: 'global',
    condition: { kind: 'informatisation', steps: ['dossier-patient'], answer: 'NON' },
    finding:
      "Le dossier patient et le compte rendu opératoire ne sont pas informatisés ({etapes}) : la mention du DMI posé, de la date et du médecin (R5212-40 CSP) n'est pas garantie.",
    action:
      "Tracer dans le DPI, pour chaque pose, le DMI (dénomination, lot ou série, IUD), la date et le médecin, repris du logiciel de bloc dans le compte rendu opératoire.",
    actors: 'DSI, chirurgiens, DIM, pharmacien',
    indicator: 'Part des comptes rendus opératoires citant le DMI avec son lot ou numéro de série (%, audit de dossiers)',
  },
  {
    key: 'DONNEE-CRITIQUE',
    priority: 1,
    axis: SANITAIRE,
    per: 'step',
    condition: { kind: 'donnee', critical: true, exceptData: ['iud-id', 'iud-ip', 'document-patient', 'carte-implant'] },
    finding: "Champs réglementaires absents à l'étape {etapes} : {donnees} ({refs}).",
    action:
      "Paramétrer ces champs dans le logiciel de l'étape ou en demander l'ajout à l'éditeur ; d'ici là, formaliser la saisie de substitution et la contrôler.",
    actors: "Pharmacien, éditeur du logiciel, DSI, référent de l'étape",
    indicator: "Nombre de champs critiques absents à l'étape (cible : 0)",
  },
  {
    key: 'RUPTURE-PUI-BLOC',
    priority: 1,
    axis: INTEROP,
    per: 'global',
    condition: { kind: 'rupture', transitions: [['delivrance', 'reception-bloc']], critical: true },
    finding: 'Rupture entre la délivrance par la PUI et la réception au bloc : {donnees} ressaisis ou non transmis ({refs}).',
    action:
      "Interfacer la délivrance de la PUI avec la réception au bloc (message de délivrance ou logiciel commun) : le bloc reçoit les DMI avec leur lot ou série et leur IUD sans ressaisie.",
    actors: 'DSI, éditeurs des logiciels PUI et bloc, pharmacien, cadre de bloc',
    indicator: 'Part des DMI délivrés réceptionnés au bloc sans ressaisie (%)',
  },
  {
    key: 'RUPTURE-BLOC-DPI',
    priority: 1,
    axis: INTEROP,
    per: 'global',
    condition: { kind: 'rupture', transitions: [['pose', 'dossier-patient']], critical: true },
    finding: 'Rupture entre la pose au bloc et le dossier patient : {donnees} non transmis automatiquement ({refs}).',
    action:
      "Alimenter automatiquement le dossier patient et le compte rendu opératoire à partir de l'enregistrement de la pose (interface bloc → DPI).",
    actors: 'DSI, éditeurs des logiciels de bloc et du DPI, chirurgiens, cadre de bloc',
    indicator: 'Part des poses dont le DMI figure dans le DPI sans ressaisie (%)',
  },
  {
    key: 'RUPTURE-SANITAIRE',
    priority: 1,
    axis: INTEROP,
    per: 'transition',
    condition: {
      kind: 'rupture',
      critical: true,
      exceptTransitions: [
        ['delivrance', 'reception-bloc'],
        ['pose', 'dossier-patient'],
        ['dossier-patient', 'document-patient'],
        ['pose', 'rappel-lot'],
      ],
    },
    finding: 'Rupture de la traçabilité sanitaire sur la transition {transitions} : {donnees} ressaisis ou non transmis ({refs}).',
    action:
      'Supprimer la ressaisie sur cette transition : interface entre les deux logiciels ou module commun, lot, série et IUD repris par lecture du code-barres.',
    actors: 'DSI, éditeurs, pharmacien',
    indicator: 'Nombre de données ressaisies sur la transition (cible : 0)',
  },
  {
    key: 'IUD-RECEPTION-POSE',
    priority: 1,
    axis: IUD,
    per: 'global',
    condition: { kind: 'donnee', data: ['iud-id', 'iud-ip'], critical: true },
    finding: "IUD non enregistré aux étapes de la traçabilité sanitaire {etapes} : {donnees} ({refs}).",
    action:
      "Enregistrer l'IUD-ID et l'IUD-IP à la réception et à la pose, en commençant par les DMI implantables de classe III (MDR art. 27) : champs dédiés, lecture du DataMatrix GS1 ou du code HIBC, vérification au banc d'essai IUD.",
    actors: 'Pharmacien, préparateurs, IBODE, éditeurs',
    indicator: "Taux de traçabilité de l'IUD pour une classe de DMI donnée (CAQES, objectif 3)",
  },
  {
    key: 'DOC-PATIENT',
    priority: 1,
    axis: SANITAIRE,
    per: 'global',
    condition: {
      kind: 'une-des',
      conditions: [
        { kind: 'informatisation', steps: ['document-patient'], answer: 'NON' },
        { kind: 'donnee', data: ['document-patient', 'carte-implant'], critical: true },
        { kind: 'rupture', transitions: [['dossier-patient', 'document-patient']], critical: true },
      ],
    },
    finding:
      "Le document remis au patient et la carte d'implant ne sont pas produits à partir des données tracées (R5212-42 CSP, MDR art. 18) ({refs}).",
    action:
      "Éditer le document patient et la carte d'implant à partir de l'enregistrement de la pose (dénomination, lot ou série, IUD, fabricant, date), et tracer leur remise dans le dossier.",
    actors: 'Chirurgiens, IBODE, DSI, pharmacien',
    indicator: "Part des patients implantés dont la remise de la carte d'implant est tracée (%, audit CAQES)",
  },
  {
    key: 'RAPPEL-LOT',
    priority: 1,
    axis: SANITAIRE,
    per: 'global',
    condition: {
      kind: 'une-des',
      conditions: [
        { kind: 'informatisation', steps: ['rappel-lot'], answer: 'NON' },
        { kind: 'rupture', transitions: [['pose', 'rappel-lot']], critical: true },
      ],
    },
    finding:
      "Le rappel de lot ne repose pas sur une requête informatisée ({refs}) : retrouver les patients porteurs d'un lot impose une recherche manuelle.",
    action:
      'Mettre en place la requête lot → patients et patient → lots dans le logiciel de traçabilité, et réaliser chaque année un exercice de rappel de lot chronométré.',
    actors: 'Correspondant local de matériovigilance, pharmacien, DSI',
    indicator: "Délai pour lister les patients porteurs d'un lot lors de l'exercice annuel (heures)",
  },

  // Priority 2: interoperability and IUD rollout, readers, dépôts, PMSI flows.
  {
    key: 'NON-RENSEIGNE-CRITIQUE',
    priority: 2,
    axis: ORGANISATION,
    per: 'global',
    condition: { kind: 'statut', statuses: ['empty', 'invalid'], critical: true },
    finding: '{nombre} ligne(s) critique(s) sans réponse exploitable ({refs}).',
    action:
      "Compléter en priorité les lignes critiques avec les référents de chaque étape (PUI, bloc, DIM, DSI) : elles conditionnent l'évaluation de la traçabilité réglementaire.",
    actors: 'Pharmacien référent DMI, RSMQ-DM',
    indicator: 'Nombre de lignes critiques sans réponse (cible : 0)',
  },
  {
    key: 'INCOHERENCE',
    priority: 2,
    axis: ORGANISATION,
    per: 'global',
    condition: { kind: 'statut', statuses: ['incoherent'] },
    finding:
      "{nombre} réponse(s) incohérente(s) avec l'informatisation de l'étape ({refs}) : elles sont comptées comme des ruptures.",
    action:
      "Clarifier la cartographie avec les référents : corriger la réponse ou l'informatisation de l'étape, et préciser le logiciel en commentaire.",
    actors: 'Pharmacien référent DMI, référents des étapes, DSI',
    indicator: 'Nombre de réponses incohérentes (cible : 0)',
  },
  {
    key: 'INFO-BLOC-RECEPTION',
    priority: 2,
    axis: SANITAIRE,
    per: 'global',
    condition: { kind: 'informatisation', steps: ['reception-bloc'], answer: 'NON' },
    finding: "La réception au bloc et le stock de proximité ne sont pas informatisés ({etapes}).",
    action:
      'Informatiser la réception des DMI au bloc et le suivi du stock de proximité (entrées, sorties, péremptions), de préférence dans le logiciel qui trace la pose.',
    actors: 'Cadre de bloc, IBODE, pharmacien, DSI',
    indicator: 'Part des DMI du stock de proximité suivis informatiquement (%)',
  },
  {
    key: 'INFO-REFERENCEMENT',
    priority: 2,
    axis: IUD,
    per: 'global',
    condition: { kind: 'informatisation', steps: ['referencement'], answer: 'NON' },
    finding: "Le référencement des DMI (liste des DMI préconisés) n'est pas informatisé ({etapes}).",
    action:
      'Constituer un référentiel informatisé unique des DMI (référence et nom du fabricant, code LPP, IUD-ID) partagé par la GEF, la PUI et le bloc.',
    actors: 'Pharmacien, acheteur, DSI',
    indicator: 'Part des DMI référencés avec leur IUD-ID dans le référentiel (%)',
  },
  {
    key: 'IUD-REFERENTIEL',
    priority: 2,
    axis: IUD,
    per: 'global',
    condition: { kind: 'donnee', data: ['iud-id'], steps: ['referencement'], critical: false },
    finding: "L'IUD-ID n'est pas renseigné dans le référentiel produits ({refs}).",
    action:
      "Ajouter le champ IUD-ID (GTIN ou code HIBC) au référentiel et le compléter à partir des fiches fournisseurs et d'EUDAMED, en commençant par les DMI de classe III.",
    actors: 'Pharmacien, acheteur, fournisseurs',
    indicator: 'Part des références de DMI actives dotées de leur IUD-ID (%)',
  },
  {
    key: 'IUD-DEPLOIEMENT',
    priority: 2,
    axis: IUD,
    per: 'global',
    condition: { kind: 'donnee', data: ['iud-id', 'iud-ip'], exceptSteps: ['referencement'], critical: false },
    finding: 'IUD non enregistré aux étapes {etapes} : {donnees}.',
    action:
      "Étendre l'IUD à ces étapes (arrêté du 8 septembre 2021 : tous les DMI, à chaque étape) : champs IUD-ID et IUD-IP, lecture automatique, transmission d'une étape à l'autre.",
    actors: 'Pharmacien, DSI, éditeurs, référents des étapes',
    indicator: "Nombre d'étapes du circuit enregistrant l'IUD-ID et l'IUD-IP",
  },
  {
    key: 'PEREMPTION-RECEPTION',
    priority: 2,
    axis: SANITAIRE,
    per: 'global',
    condition: { kind: 'donnee', data: ['peremption'], steps: ['livraison', 'reception-livraison', 'reception-unitaire'], critical: false },
    finding: "La date de péremption n'est pas enregistrée à la réception ({etapes}).",
    action:
      "Enregistrer la date de péremption dès la réception, lue dans le code (IA 17 du GS1, date du HIBC), pour piloter les péremptions du stock.",
    actors: 'Pharmacien, préparateurs, éditeur',
    indicator: 'Nombre de DMI périmés détectés en stock par an',
  },
  {
    key: 'LECTEUR-PUI-BLOC',
    priority: 2,
    axis: EQUIPEMENT,
    per: 'global',
    condition: { kind: 'lecteur', zones: ['pui', 'bloc'] },
    finding: 'Pas de lecteur de codes aux étapes {etapes} : lot, série et IUD sont saisis au clavier.',
    action:
      "Équiper ces postes de lecteurs 2D décodant le GS1 DataMatrix, le GS1-128 et le HIBC, paramétrés pour transmettre le séparateur GS (FNC1) ; valider chaque poste au banc d'essai IUD.",
    actors: 'DSI, pharmacien, cadre de bloc',
    indicator: "Part des postes de réception, de délivrance et de pose équipés d'un lecteur 2D validé (%)",
  },
  {
    key: 'LECTEUR-SANS-IUD',
    priority: 2,
    axis: IUD,
    per: 'step',
    condition: { kind: 'lecteur-sans-iud', critical: false },
    finding: "À l'étape {etapes}, un lecteur est en place mais ces données ne sont pas enregistrées : {donnees}.",
    action:
      "Paramétrer le logiciel pour qu'il décompose le code lu (GTIN, lot, série, péremption) et enregistre l'IUD complet sans ressaisie.",
    actors: 'Éditeur du logiciel, DSI, pharmacien',
    indicator: "Part des lectures alimentant automatiquement l'IUD-ID et l'IUD-IP (%)",
  },
  {
    key: 'DEPOTS',
    priority: 2,
    axis: DEPOTS,
    per: 'global',
    condition: {
      kind: 'une-des',
      conditions: [{ kind: 'depot' }, { kind: 'informatisation', steps: ['depots'], answer: 'NON' }],
    },
    finding: 'Les DMI en dépôt ne sont pas gérés informatiquement à toutes les étapes : {etapes}.',
    action:
      'Mettre en place la gestion informatisée des dépôts permanents, temporaires et prêts : entrée en stock identifiée, consommation transformée en commande de régularisation et en réassort, retours fournisseurs tracés.',
    actors: 'Pharmacien, cadre de bloc, acheteur, DAF',
    indicator: "Délai moyen entre la pose d'un DMI en dépôt et sa commande de régularisation (jours)",
  },
  {
    key: 'RUPTURE-GEF-PUI',
    priority: 2,
    axis: INTEROP,
    per: 'global',
    condition: {
      kind: 'rupture',
      transitions: [
        ['referencement', 'reception-unitaire'],
        ['reception-livraison', 'reception-unitaire'],
      ],
      critical: false,
    },
    finding: 'Rupture entre la GEF et le logiciel de la PUI : {transitions} ({donnees}).',
    action:
      "Interfacer la GEF et le logiciel de la PUI (référentiel produits, réception) pour ne plus ressaisir références, lots et IUD à l'entrée en stock.",
    actors: 'DSI, éditeurs GEF et PUI, pharmacien, service économique',
    indicator: 'Nombre de données ressaisies entre la GEF et le logiciel de la PUI (cible : 0)',
  },
  {
    key: 'RUPTURE-CONSOMMATION',
    priority: 2,
    axis: DEPOTS,
    per: 'global',
    condition: {
      kind: 'une-des',
      conditions: [
        { kind: 'informatisation', steps: ['consommation'], answer: 'NON' },
        {
          kind: 'rupture',
          transitions: [
            ['pose', 'consommation'],
            ['consommation', 'depots'],
            ['consommation', 'commande'],
          ],
          critical: false,
        },
      ],
    },
    finding: "La consommation au bloc n'est pas transmise automatiquement à la PUI et à la GEF ({refs}).",
    action:
      'Automatiser la déclaration de consommation : la pose génère la sortie de stock, le réassort et la commande de régularisation des dépôts, sans ressaisie.',
    actors: 'Pharmacien, cadre de bloc, DSI, acheteur',
    indicator: 'Part des consommations de DMI transmises automatiquement à la PUI et à la GEF (%)',
  },
  {
    key: 'FLUX-PMSI',
    priority: 2,
    axis: PMSI,
    per: 'global',
    condition: {
      kind: 'une-des',
      conditions: [
        { kind: 'rupture', transitions: [['pose', 'pmsi']], critical: false },
        { kind: 'donnee', data: ['fichcomp'], critical: false },
        { kind: 'informatisation', steps: ['pmsi'], answer: 'NON' },
      ],
    },
    finding: "Le recueil FICHCOMP des DMI en sus n'est pas alimenté automatiquement ({refs}).",
    action:
      "Alimenter automatiquement le FICHCOMP (code LPP, quantité, prix d'achat, date de pose, FINESS) depuis l'enregistrement de la pose, et rapprocher chaque mois les poses tracées et les DMI codés.",
    actors: 'DIM, DAF, DSI, pharmacien',
    indicator: 'Écart mensuel entre DMI en sus posés et DMI déclarés dans le FICHCOMP',
  },
  {
    key: 'CONSERVATION',
    priority: 2,
    axis: SANITAIRE,
    per: 'global',
    condition: {
      kind: 'informatisation',
      steps: ['reception-unitaire', 'delivrance', 'pose', 'dossier-patient', 'rappel-lot'],
      answer: 'OUI',
    },
    finding: 'Des données de traçabilité sanitaire sont informatisées ({etapes}) : leur conservation doit être garantie.',
    action:
      "Vérifier avec la DSI et les éditeurs la conservation des données de traçabilité pendant 10 ans, 40 ans pour les DMI incorporant un médicament dérivé du sang (R5212-37 CSP), y compris lors d'un changement de logiciel (reprise ou archivage consultable).",
    actors: 'DSI, pharmacien, éditeurs, RSMQ-DM',
    indicator: "Procédure d'archivage validée et date du dernier test de restitution",
  },

  // Priority 3: financial and city-side improvements.
  {
    key: 'INFO-FINANCIER',
    priority: 3,
    axis: FINANCIERE,
    per: 'global',
    condition: { kind: 'informatisation', steps: ['commande', 'livraison', 'reception-livraison', 'facturation'], answer: 'NON' },
    finding: 'Étapes financières non informatisées : {etapes}.',
    action:
      'Informatiser la commande, la réception administrative et la liquidation des DMI dans la GEF, avec rapprochement automatique commande – livraison – facture.',
    actors: 'DAF, service économique, pharmacien, DSI',
    indicator: 'Part des factures de DMI liquidées avec rapprochement automatique (%)',
  },
  {
    key: 'DONNEE-GESTION',
    priority: 3,
    axis: FINANCIERE,
    per: 'global',
    condition: {
      kind: 'donnee',
      data: ['denomination', 'lot-serie', 'fabricant', 'date-pose', 'patient'],
      steps: ['referencement', 'commande', 'livraison', 'reception-livraison', 'consommation', 'pmsi', 'facturation'],
      critical: false,
    },
    finding: 'Champs absents des logiciels de gestion aux étapes {etapes} : {donnees} ({refs}).',
    action:
      'Compléter le paramétrage de la GEF et du logiciel PMSI : ces champs permettent le rapprochement commande – pose – facture et la valorisation des DMI en sus.',
    actors: 'Service économique, DIM, DSI, éditeurs',
    indicator: 'Nombre de champs absents des logiciels de gestion (cible : 0)',
  },
  {
    key: 'EDI-FOURNISSEURS',
    priority: 3,
    axis: FINANCIERE,
    per: 'global',
    condition: { kind: 'rupture', transitions: [['livraison', 'reception-livraison']], critical: false },
    finding: 'Les bons de livraison ne sont pas reçus par voie électronique : {donnees} ressaisis à la réception.',
    action:
      "Mettre en place l'EDI avec les principaux fournisseurs de DMI (avis d'expédition portant lots, péremptions et IUD) pour alimenter la réception sans ressaisie.",
    actors: 'Service économique, acheteur, DSI, fournisseurs',
    indicator: 'Part des lignes de livraison de DMI reçues par EDI (%)',
  },
  {
    key: 'RUPTURE-PMSI-FACTURATION',
    priority: 3,
    axis: PMSI,
    per: 'global',
    condition: { kind: 'rupture', transitions: [['pmsi', 'facturation']], critical: false },
    finding: 'Rupture entre le PMSI et la facturation : {donnees} ressaisi.',
    action: 'Interfacer le PMSI et la facturation pour valoriser les DMI en sus sans ressaisie et suivre les rejets.',
    actors: 'DIM, DAF, service de la facturation, DSI',
    indicator: 'Montant trimestriel des DMI en sus non valorisés ou rejetés',
  },
  {
    key: 'VILLE-DMP',
    priority: 3,
    axis: VILLE,
    per: 'global',
    condition: {
      kind: 'une-des',
      conditions: [
        { kind: 'rupture', transitions: [['dossier-patient', 'ville']], critical: false },
        { kind: 'informatisation', steps: ['ville'], answer: 'NON' },
        { kind: 'donnee', data: ['dossier', 'carte-implant', 'denomination', 'lot-serie', 'patient'], steps: ['ville'], critical: false },
      ],
    },
    finding: "Les informations sur le DMI posé ne quittent pas l'hôpital par voie électronique ({refs}).",
    action:
      "Envoyer au DMP (Mon espace santé) et au médecin traitant la lettre de liaison et le compte rendu opératoire mentionnant le DMI, avec la carte d'implant, sous INS qualifiée et par messagerie sécurisée de santé.",
    actors: 'DSI, chirurgiens, DIM, secrétariats médicaux',
    indicator: 'Part des lettres de liaison de sortie mentionnant le DMI déposées dans le DMP (%)',
  },
  {
    key: 'APPEL-OFFRES',
    priority: 3,
    axis: ORGANISATION,
    per: 'global',
    condition: { kind: 'taux-rupture', atLeast: 0.2 },
    finding: "Taux de points de rupture de {taux} sur l'ensemble du circuit (CAQES R4, item 1.2).",
    action:
      "Inscrire des exigences d'interopérabilité dans les cahiers des charges et les appels d'offres des logiciels et des DMI : échanges normalisés (HL7, IHE), lecture et transmission de l'IUD, EDI fournisseurs.",
    actors: 'Direction des achats, DSI, pharmacien',
    indicator: "Part des marchés (logiciels, DMI) comportant une clause d'interopérabilité et d'IUD (%)",
  },

  // Priority 4: comfort.
  {
    key: 'COMPLETUDE',
    priority: 4,
    axis: ORGANISATION,
    per: 'global',
    condition: { kind: 'completude', below: 0.8 },
    finding: 'Cartographie complétée à {taux} seulement : {nombre} ligne(s) sans réponse exploitable.',
    action:
      "Compléter la cartographie avec l'ensemble des acteurs du circuit (PUI, bloc, DIM, DSI, services économiques) avant de prioriser les actions.",
    actors: 'Pharmacien référent DMI',
    indicator: 'Complétude de la cartographie (cible : 100 %)',
  },
  {
    key: 'SAISIE-INVALIDE',
    priority: 4,
    axis: ORGANISATION,
    per: 'global',
    condition: { kind: 'statut', statuses: ['invalid'] },
    finding: '{nombre} réponse(s) non reconnue(s) ({refs}) : elles ne comptent dans aucun taux.',
    action:
      'Corriger ces réponses en OUI, NON ou NA (NA sur une ligne Interopérabilité : les deux étapes sont dans le même logiciel).',
    actors: 'Pharmacien référent DMI',
    indicator: 'Nombre de réponses non reconnues (cible : 0)',
  },
  {
    key: 'LOGICIEL-NON-NOMME',
    priority: 4,
    axis: ORGANISATION,
    per: 'global',
    condition: { kind: 'logiciel-non-nomme' },
    finding: 'Étapes informatisées sans logiciel précisé : {etapes}.',
    action:
      "Préciser en commentaire le logiciel (nom, éditeur, version) de chaque étape informatisée pour documenter le système d'information du circuit.",
    actors: 'DSI, pharmacien',
    indicator: 'Part des étapes informatisées dont le logiciel est renseigné (%)',
  },
  {
    key: 'PEREMPTION-STOCKS',
    priority: 4,
    axis: SANITAIRE,
    per: 'global',
    condition: { kind: 'donnee', data: ['peremption'], exceptSteps: ['livraison', 'reception-livraison', 'reception-unitaire'], critical: false },
    finding: "La date de péremption n'est pas suivie aux étapes {etapes}.",
    action:
      'Suivre la péremption dans les stocks en dépôt et de proximité : alertes avant échéance, contrôle à la lecture avant la pose.',
    actors: 'Cadre de bloc, IBODE, pharmacien',
    indicator: 'Nombre de DMI périmés retrouvés lors des inventaires',
  },
];

export const ACTION_TEMPLATES: readonly ActionTemplate[] = TEMPLATES;
