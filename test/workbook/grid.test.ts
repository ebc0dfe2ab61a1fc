import { cellAddress, columnLetter, parseAddress } from '../../src/workbook/grid';

describe('cell addresses', () => {
  it('reads an address with or without $, in either case, around spaces', () => {
    expect(parseAddress('B12')).toEqual({ row: 12, column: 2 });
    expect(parseAddress(' $b$12 ')).toEqual({ row: 12, column: 2 });
    expect(parseAddress('XFD1048576')).toEqual({ row: 1_048_576, column: 16_384 });
    expect(parseAddress('aa7')).toEqual({ row: 7, column: 27 });
  });

  it('refuses what is not one address, with a French message', () => {
    for (const bad of ['', 'A', '12', 'A1B', 'A 1', 'É1', '$$A1', 'A$$1', 'A1:B2', 'A-1']) {
      expect(() => parseAddress(bad)).toThrow(`Adresse de cellule invalide : ${bad}`);
    }
  });

  it('spells back what it reads', () => {
    for (const column of [1, 26, 27, 52, 702, 703, 16_384]) {
      expect(parseAddress(cellAddress(5, column))).toEqual({ row: 5, column });
    }
    expect([1, 26, 27, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
