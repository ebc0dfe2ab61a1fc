import { findSheet, headerMatches, sameLabel } from '../../src/workbook/names';
import { SHEETS } from '../../src/workbook/sheets';

describe('sameLabel', () => {
  it.each([
    ['LISEZ-MOI – NOTICE', 'lisez-moi - notice'],
    ['Analyse et plan d’action', "Analyse et plan d'action"],
    ['Synthèse', '  SYNTHESE '],
    ['Cartographie\u00A0données  info DMI', 'cartographie donnees info dmi'],
  ])('%s ≈ %s', (a, b) => expect(sameLabel(a, b)).toBe(true));

  it('tells different labels apart', () => {
    expect(sameLabel('Synthèse', 'Synthèses')).toBe(false);
    expect(sameLabel('Références', 'Référence')).toBe(false);
  });
});

describe('findSheet', () => {
  const names = ['Feuil1', 'lisez-moi - notice', 'SYNTHESE', "Analyse et plan d’action "];

  it('returns the name as the workbook spells it', () => {
    expect(findSheet(names, SHEETS.notice)).toBe('lisez-moi - notice');
    expect(findSheet(names, SHEETS.synthesis)).toBe('SYNTHESE');
    expect(findSheet(names, SHEETS.plan)).toBe("Analyse et plan d’action ");
  });

  it('prefers the exact name when two sheets match tolerantly', () => {
    expect(findSheet(['SYNTHESE', 'Synthèse'], 'Synthèse')).toBe('Synthèse');
  });

  it('is undefined for a missing sheet', () => {
    expect(findSheet(names, SHEETS.cartographie)).toBeUndefined();
  });
});

describe('headerMatches', () => {
  it('ignores a parenthesised hint, trailing dots and spaces around a slash', () => {
    expect(headerMatches('Réponse (OUI/NON/NA)', ['Réponse'])).toBe(true);
    expect(headerMatches('REF', ['Réf.'])).toBe(true);
    expect(headerMatches('Commentaire/logiciel', ['Commentaire / logiciel'])).toBe(true);
    expect(headerMatches('Réponse du service', ['Réponse'])).toBe(false);
    expect(headerMatches('', [''])).toBe(false);
  });
});
