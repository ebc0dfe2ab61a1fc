import { hibcCheckCharacter, parseIud } from '../../../src/domain/iud';

/*
 * Mod-43 values: 0-9 → 0-9, A-Z → 10-35, "-" 36, "." 37, space 38, "$" 39, "/" 40, "+" 41, "%" 42.
 * "+A123BJC5D6E71": 41 + 10 + 1+2+3 + 11 + 19 + 12 + 5 + 13 + 6 + 14 + 7 + 1 = 145 = 3×43 + 16 → "G".
 */
const PRIMARY = '+A123BJC5D6E71G';
/* "+A123BJC5D6E71/$$3250331LOT42": 145 + "/" 40 + "$$" 78 + "3" 3 + "250331" 14 + "LOT42" (21+24+29+4+2) 80 = 360 = 8×43 + 16 → "G". */
const CONCATENATED = '+A123BJC5D6E71/$$3250331LOT42G';
/* "+$$3250331LOT42" then link "G": 41 + 78 + 3 + 14 + 80 + 16 = 232 = 5×43 + 17 → "H". */
const SECONDARY = '+$$3250331LOT42GH';

describe('HIBC check character', () => {
  it('matches the hand-computed characters', () => {
    expect(hibcCheckCharacter(PRIMARY.slice(0, -1))).toBe('G');
    expect(hibcCheckCharacter(CONCATENATED.slice(0, -1))).toBe('G');
    expect(hibcCheckCharacter(SECONDARY.slice(0, -1))).toBe('H');
    expect(hibcCheckCharacter('+a1')).toBeNull();
  });
});

describe('parseIud, HIBC', () => {
  it('reads a primary code: labeler, product, unit of measure', () => {
    const result = parseIud(PRIMARY);
    expect(result.format).toBe('HIBC');
    expect(result.iudId).toEqual({ issuer: 'HIBC', value: 'A123BJC5D6E71', labeler: 'A123', product: 'BJC5D6E7', unitOfMeasure: '1' });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(false);
    expect(result.missing.join(' ')).toContain('Ni numéro de lot ni numéro de série');
  });

  it('reads concatenated primary and secondary data', () => {
    const result = parseIud(CONCATENATED);
    expect(result.ok).toBe(true);
    expect(result.iudIp).toEqual({ lot: 'LOT42', expiry: { raw: '250331', iso: '2025-03-31', display: '31/03/2025' } });
    expect(result.elements.map((e) => e.ai)).toEqual(['LIC', 'PCN', 'UM', '$$3', '$$', 'CHK']);
  });

  it('reads a primary and a secondary code scanned one after the other, checking the link character', () => {
    const result = parseIud(`${PRIMARY}\n${SECONDARY}`);
    expect(result.ok).toBe(true);
    expect(result.iudIp.lot).toBe('LOT42');
    const wrongLink = `+$$3250331LOT42F${hibcCheckCharacter('+$$3250331LOT42F')}`;
    expect(parseIud(`${PRIMARY}\n${wrongLink}`).problems).toEqual([
      'Le code secondaire ne correspond pas au code primaire : caractère de liaison « F », « G » attendu.',
    ]);
  });

  it('warns when a secondary code comes alone', () => {
    const result = parseIud(SECONDARY);
    expect(result.warnings[0]).toMatch(/sans son code primaire/);
    expect(result.missing[0]).toMatch(/IUD-ID absent/);
  });

  it('rejects a wrong check character, saying which one was expected', () => {
    const result = parseIud('+A123BJC5D6E71H');
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'Caractère de contrôle HIBC faux dans « +A123BJC5D6E71H » : « G » attendu, « H » lu (code mal lu ou mal saisi).',
    ]);
  });

  it('rejects characters outside the HIBC set', () => {
    expect(parseIud('+a123bjc5d6e71G').problems.join(' ')).toContain('hors du jeu autorisé');
  });

  it.each([
    ['$$0527', 'MMAA', '2027-05-31'],
    ['$$2053127', 'MMJJAA', '2027-05-31'],
    ['$$3270531', 'AAMMJJ', '2027-05-31'],
    ['$$427053114', 'AAMMJJHH', '2027-05-31'],
    ['$$527151', 'AAJJJ', '2027-05-31'],
    ['$$62715114', 'AAJJJHH', '2027-05-31'],
  ])('reads the expiry format %s (%s)', (prefix, _name, iso) => {
    const data = `+A123BJC5D6E71/${prefix}LOT7`;
    const result = parseIud(data + hibcCheckCharacter(data));
    expect(result.problems).toEqual([]);
    expect(result.iudIp).toMatchObject({ lot: 'LOT7', expiry: { iso } });
  });

  it('reads a serial number, a quantity and supplementary dates', () => {
    const serial = '+A123BJC5D6E71/$$+3270531SN99/16D20240110';
    const result = parseIud(serial + hibcCheckCharacter(serial));
    expect(result.ok).toBe(true);
    expect(result.iudIp).toMatchObject({ serial: 'SN99', expiry: { iso: '2027-05-31' }, manufactured: { iso: '2024-01-10' } });
    const quantity = '+A123BJC5D6E71/$$8053270531LOT1';
    const withQuantity = parseIud(quantity + hibcCheckCharacter(quantity));
    expect(withQuantity.elements.find((e) => e.ai === 'QTY')?.value).toBe('05');
    expect(withQuantity.iudIp.lot).toBe('LOT1');
  });

  it('reports an impossible date and an unknown date format', () => {
    const badDate = '+A123BJC5D6E71/$$3270231LOT1';
    expect(parseIud(badDate + hibcCheckCharacter(badDate)).problems.join(' ')).toContain("le 31/02/2027 n'existe pas");
    const badFormat = '+A123BJC5D6E71/$$X270231LOT1';
    expect(parseIud(badFormat + hibcCheckCharacter(badFormat)).problems.join(' ')).toContain('format de date « X » inconnu');
  });

  it('rejects a malformed labeler code and a unit of measure that is not a digit', () => {
    const data = '+AB-1XYZA';
    const result = parseIud(data + hibcCheckCharacter(data));
    expect(result.problems.join(' ')).toMatch(/Code fabricant HIBC « AB-1 » invalide[\s\S]*Unité de mesure HIBC « A » invalide/);
    expect(result.iudId).toBeNull();
  });

  it('accepts Code 39 delimiters and a symbology prefix', () => {
    expect(parseIud(`*${CONCATENATED}*`).ok).toBe(true);
    expect(parseIud(`]d1${CONCATENATED}`)).toMatchObject({ ok: true, symbology: 'Data Matrix' });
  });
});
