import fc from 'fast-check';
import { gs1CheckDigit, parseIud } from '../../../src/domain/iud';

const GS = '\u001d';
/*
 * GTIN 0376123456789? : weights 3,1,3… from the right of the 13 digits
 * 9×3 + 8 + 7×3 + 6 + 5×3 + 4 + 3×3 + 2 + 1×3 + 6 + 7×3 + 3 + 0×3 = 125 → check (10 − 5) mod 10 = 5.
 */
const GTIN = '03761234567895';
/* GS1's own example 0950600013435? : 5×3 + 3 + 4×3 + 3 + 1×3 + 0 + 0 + 0 + 6×3 + 0 + 5×3 + 9 + 0 = 78 → 2. */
const GS1_EXAMPLE = '09506000134352';

describe('GS1 check digit', () => {
  it('matches the hand-computed keys', () => {
    expect(gs1CheckDigit(GTIN.slice(0, 13))).toBe(5);
    expect(gs1CheckDigit(GS1_EXAMPLE.slice(0, 13))).toBe(2);
  });
});

describe('parseIud, GS1', () => {
  it('reads a raw DataMatrix with its symbology prefix and GS separators', () => {
    const result = parseIud(`]d201${GTIN}17250331` + `10ABC123${GS}21SN42`);
    expect(result).toMatchObject({ format: 'GS1', symbology: 'GS1 DataMatrix', ok: true, problems: [], missing: [] });
    expect(result.iudId).toEqual({ issuer: 'GS1', value: GTIN });
    expect(result.iudIp).toEqual({
      lot: 'ABC123',
      serial: 'SN42',
      expiry: { raw: '250331', iso: '2025-03-31', display: '31/03/2025' },
    });
    expect(result.elements.map((e) => e.ai)).toEqual(['01', '17', '10', '21']);
  });

  it('reads the human-readable form with parentheses', () => {
    const result = parseIud(`(01)${GS1_EXAMPLE}(11)240115(17)290101(21)A1B2C3`);
    expect(result.ok).toBe(true);
    expect(result.iudIp).toMatchObject({ serial: 'A1B2C3', manufactured: { iso: '2024-01-15' }, expiry: { iso: '2029-01-01' } });
  });

  it.each([
    [']C1', 'GS1-128'],
    [']Q3', 'GS1 QR Code'],
    [']e0', 'GS1 DataBar'],
  ])('recognises the %s prefix', (prefix, name) => {
    const result = parseIud(`${prefix}01${GTIN}17300630` + '10L1');
    expect(result).toMatchObject({ format: 'GS1', symbology: name, ok: true });
  });

  it('accepts a leading FNC1 sent as GS and GS typed as <GS>', () => {
    expect(parseIud(`${GS}01${GTIN}10L1<GS>17300630`).ok).toBe(true);
  });

  it('reads day 00 as the last day of the month, leap years included', () => {
    expect(parseIud(`01${GTIN}17250200` + '10L1').iudIp.expiry?.iso).toBe('2025-02-28');
    const leap = parseIud(`01${GTIN}17240200` + '10L1');
    expect(leap.iudIp.expiry).toEqual({ raw: '240200', iso: '2024-02-29', display: '29/02/2024' });
    expect(leap.elements.find((e) => e.ai === '17')?.message).toContain('dernier jour du mois');
  });

  it.each([
    ['251301', 'mois « 13 » impossible'],
    ['250231', "le 31/02/2025 n'existe pas"],
    ['250001', 'mois « 00 » impossible'],
  ])('rejects the impossible date %s', (date, message) => {
    const result = parseIud(`01${GTIN}17${date}10L1`);
    expect(result.ok).toBe(false);
    expect(result.iudIp.expiry).toBeUndefined();
    expect(result.problems.join(' ')).toContain(message);
  });

  it('rejects a wrong GTIN check digit and gives no IUD-ID', () => {
    const result = parseIud(`01${GTIN.slice(0, 13)}4` + '17250331' + '10L1');
    expect(result.iudId).toBeNull();
    expect(result.problems).toContain('(01) GTIN (IUD-ID) : clé de contrôle fausse : 5 attendu, 4 lu.');
    expect(result.missing[0]).toMatch(/IUD-ID absent/);
  });

  it('explains a lot that swallowed the expiry date for want of a GS, with the likely split', () => {
    const result = parseIud(`]d201${GTIN}10ABC12317250331`);
    expect(result.iudIp.lot).toBe('ABC12317250331');
    expect(result.suggestion).toBe(`(01)${GTIN}(10)ABC123(17)250331`);
    expect(result.problems.join(' ')).toMatch(/Séparateur GS probablement absent après le champ \(10\) « ABC12317250331 »/);
    expect(result.ok).toBe(false);
  });

  it('flags a lot that may have swallowed a serial number as a point to confirm', () => {
    const result = parseIud(`01${GTIN}17250331` + '10LOT12321SN456');
    expect(result.suggestion).toBe(`(01)${GTIN}(17)250331(10)LOT123(21)SN456`);
    expect(result.warnings.join(' ')).toContain("À confirmer sur l'étiquette");
    expect(result.problems).toEqual([]);
  });

  it('does not suspect a lot whose digits do not form a valid element', () => {
    const result = parseIud(`01${GTIN}17250331` + '10AB17991399');
    expect(result.suggestion).toBeUndefined();
    expect(result.ok).toBe(true);
  });

  it('rejects a lot longer than 20 characters', () => {
    const result = parseIud(`01${GTIN}17250331` + `10${'A'.repeat(21)}`);
    expect(result.problems.join(' ')).toContain('21 caractères, 20 au plus');
  });

  it('stops at an unknown application identifier and says where', () => {
    const result = parseIud(`01${GTIN}99ABC`);
    expect(result.format).toBe('GS1');
    expect(result.problems[0]).toMatch(/Identifiant d'application inconnu à la position 17/);
  });

  it('lists what traceability lacks', () => {
    const result = parseIud(`(01)${GTIN}`);
    expect(result.ok).toBe(false);
    expect(result.missing).toEqual([
      "Ni numéro de lot ni numéro de série : la traçabilité sanitaire exige l'un ou l'autre (R5212-38 CSP, IUD-IP).",
      'Date de péremption absente : elle doit être enregistrée à la réception (arrêté du 8 septembre 2021).',
    ]);
  });

  it('warns about an expired device when given the day', () => {
    const result = parseIud(`01${GTIN}17250331` + '10L1', { today: '2026-01-15' });
    expect(result.warnings).toContain('Dispositif périmé depuis le 31/03/2025.');
    expect(parseIud(`01${GTIN}17250331` + '10L1', { today: '2025-03-31' }).warnings).toEqual([]);
  });

  it('recognises a QWERTY scanner on an AZERTY workstation', () => {
    const azerty = '&é"\'(-è_çà';
    // The key of digit d sits at position d − 1 of the row, 0 last.
    const typed = `01${GTIN}17250331` + '10123456';
    const result = parseIud(typed.replace(/\d/g, (d) => azerty[(Number(d) + 9) % 10]));
    expect(result.format).toBe('GS1');
    expect(result.iudId?.value).toBe(GTIN);
    expect(result.problems[0]).toMatch(/clavier QWERTY alors que le poste est en AZERTY/);
    expect(result.ok).toBe(false);
  });
});

describe('parseIud round trip', () => {
  const alnum = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('')), minLength: 1, maxLength: 20 });
  const body = fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 13, maxLength: 13 });
  const date = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2069, 11, 31)), noInvalidDate: true });
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const yymmdd = (d: Date) => iso(d).slice(2).replaceAll('-', '');

  it('reads back what was encoded, raw with GS or human-readable', () => {
    fc.assert(
      fc.property(body, date, alnum, alnum, (digits, expiry, lot, serial) => {
        const gtin = `${digits}${gs1CheckDigit(digits)}`;
        const raw = `]d201${gtin}17${yymmdd(expiry)}10${lot}${GS}21${serial}`;
        const human = `(01)${gtin}(17)${yymmdd(expiry)}(10)${lot}(21)${serial}`;
        for (const result of [parseIud(raw), parseIud(human)]) {
          expect(result.problems).toEqual([]);
          expect(result.ok).toBe(true);
          expect(result.iudId?.value).toBe(gtin);
          expect(result.iudIp).toMatchObject({ lot, serial, expiry: { iso: iso(expiry) } });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('points at the missing GS when the expiry date follows a lot directly', () => {
    fc.assert(
      fc.property(body, date, alnum, (digits, expiry, lot) => {
        const gtin = `${digits}${gs1CheckDigit(digits)}`;
        const result = parseIud(`01${gtin}10${lot}17${yymmdd(expiry)}`);
        expect(result.ok).toBe(false);
        expect(result.problems.join(' ')).toContain('Séparateur GS probablement absent');
        expect(result.suggestion).toMatch(/^\(01\)\d{14}\(10\)[A-Z0-9]+\(17\)\d{6}$/);
      }),
      { numRuns: 300 },
    );
  });

  it('only asks to check a numeric serial that happens to hold a date', () => {
    const result = parseIud(`01${GTIN}17250331` + `10L1${GS}21` + '0011240315');
    expect(result.ok).toBe(true);
    expect(result.warnings.join(' ')).toContain('(11) « 240315 »');
  });
});

describe('parseIud on garbage', () => {
  it.each(['', '   ', 'bonjour', '12', '#N/A', '(', '+', ']d2'])('answers « %s » with a French message, never a throw', (input) => {
    const result = parseIud(input);
    expect(result.ok).toBe(false);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.join(' ')).toMatch(/[a-zé]/);
  });

  it('never throws, whatever is typed', () => {
    const alphabet = '0123456789()+$/]dCQe1237ABLOTXYZ-. %\u001d'.split('');
    const typed = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }));
    fc.assert(
      fc.property(typed, (input) => {
        const result = parseIud(input);
        expect(['GS1', 'HIBC', 'inconnu']).toContain(result.format);
        if (result.ok) expect([...result.problems, ...result.missing]).toEqual([]);
        else expect(result.problems.length + result.missing.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });
});
