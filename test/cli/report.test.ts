/** `analyse --json` carries every figure the Synthèse shows (values computed by hand, as in test/domain/figures.test.ts). */
import { analysisJson } from '../../src/cli/report';
import { analyse } from '../../src/domain/analyse';
import { cartographieFromAnswers } from '../support/cartographie';

describe('analysisJson', () => {
  const answers: Record<string, string> = {
    'PUI-DEL-INF': 'OUI',
    'BLOC-REC-INF': 'NON',
    'BLOC-POS-INF': 'NA',
    'PUI-DEL-LOT': 'OUI',
    'PUI-DEL-DEN': 'NON',
    'PUI-DEL-IUDIP': 'NA',
    'BLOC-REC-LOT': 'OUI',
    'IO-DEL-RBO-DEN': 'OUI',
    'IO-DEL-RBO-LOT': 'NON',
    'IO-DEL-RBO-IUDID': 'NA',
    'IO-REC-DEL-DEN': 'NA',
    'IO-REC-DEL-LOT': 'OUI',
    'PUI-DEL-LEC': 'OUI',
    'BLOC-REC-LEC': 'NON',
    'BLOC-POS-LEC': 'OUI',
    'PUI-DEP-DEP': 'OUI',
    'BLOC-CSO-DEP': 'NON',
  };
  const json = JSON.parse(JSON.stringify(analysisJson('x.xlsx', analyse(cartographieFromAnswers(answers)))));

  it('gives the steps computerised, overall and by step', () => {
    expect(json.etapesInformatisees).toBe(0.5);
    expect(json.etapes.find((s: { etape: string }) => s.etape === 'delivrance').etapesInformatisees).toBe(1);
    expect(json.etapes.find((s: { etape: string }) => s.etape === 'reception-bloc').etapesInformatisees).toBe(0);
  });

  it('gives the equipment: readers, dépôts, IUD-ID and IUD-IP by step', () => {
    expect(json.equipement).toMatchObject({ lecteurs: 0.5, depots: 0.5 });
    expect(json.equipement.etapes.find((s: { etape: string }) => s.etape === 'delivrance')).toEqual({
      etape: 'delivrance',
      informatisation: 'OUI',
      logiciel: '',
      lecteur: 'OUI',
      depot: null,
      iudId: null,
      iudIp: 'NA',
    });
  });

  it('gives the three continuity views', () => {
    expect(json.continuite.pui).toMatchObject({ label: 'À la PUI', interoperabilite: 1, continuite: 1, rupture: 0 });
    expect(json.continuite.transitions).toMatchObject({ interoperabilite: 0, continuite: 0, rupture: 1 });
    expect(json.continuite.transitions.transitions).toContain('delivrance>reception-bloc');
    expect(json.continuite.pui.transitions).toEqual(['reception-livraison>reception-unitaire', 'reception-unitaire>delivrance', 'depots>delivrance']);
    expect(json.continuite.blocs).toMatchObject({ interoperabilite: null, continuite: null, rupture: null });
  });

  it('gives the gaps counted apart, with their legal reference', () => {
    expect(json.ecarts.missingTraceabilityData).toMatchObject({ label: 'Données de traçabilité manquantes', nombre: 2 });
    expect(json.ecarts.missingTraceabilityData.reference).toMatch(/R5212-38/);
    expect(json.ecarts.sanitaryRuptures).toMatchObject({ label: 'Ruptures sur des flux sanitaires', nombre: 3 });
    expect(json.ecarts.cityGaps.nombre).toBe(0);
    expect(json.ecarts.financialGaps.nombre).toBe(0);
  });

  it('gives the plan proposals: key, priority, zone / step, finding and action', () => {
    const rupture = json.actions.find((a: { ref: string }) => a.ref === 'RUPTURE-PUI-BLOC');
    expect(rupture).toMatchObject({ cle: 'RUPTURE-PUI-BLOC', priorite: 1, zoneEtape: 'Délivrance PUI → réception au bloc' });
    expect(rupture.constat).toMatch(/^Rupture entre la délivrance par la PUI et la réception au bloc/);
    expect(rupture.action).toMatch(/^Interfacer la délivrance/);
  });
});
