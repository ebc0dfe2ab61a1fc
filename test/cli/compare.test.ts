/** `comparer`: the demo establishment against itself one year later (test/support/campaigns.ts). */
import { join } from 'node:path';
import { overlappingLines, pageCount, textLines } from '../support/pdf';
import { twoCampaigns, type TwoCampaigns } from '../support/campaigns';
import { runCli, tempDir } from './runCli';

let campaigns: TwoCampaigns;

beforeAll(async () => {
  campaigns = await twoCampaigns(tempDir('comparer'));
}, 180_000);

describe('comparer', () => {
  it('gives the evolution in JSON: the closed transition, the actions done, the new flow not compared', async () => {
    const result = await runCli('comparer', campaigns.previous, campaigns.current, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(result.out);
    expect(json.rupturesFermees).toContainEqual(expect.objectContaining({ fromLabel: campaigns.closed.fromLabel, toLabel: campaigns.closed.toLabel, rupturesAfter: 0 }));
    expect(json.rupturesApparues).toEqual([]);
    expect(json.actions.realisees.map((a: { ref: string }) => a.ref).sort()).toEqual([...campaigns.done].sort());
    expect(json.nonCompare.join(' ')).toContain('ES-POSE-DMP');
    const rupture = json.taux.find((t: { taux: string }) => t.taux === 'rupture');
    // Ruptures closed on one transition and one new NON: the rupture rate falls, an improvement.
    expect(rupture.points).toBeLessThan(0);
    expect(rupture.amelioration).toBe(true);
  });

  it('says it in French', async () => {
    const result = await runCli('comparer', campaigns.previous, campaigns.current);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Ruptures fermées :');
    expect(result.out).toContain(`${campaigns.closed.fromLabel} → ${campaigns.closed.toLabel}`);
    expect(result.out).toMatch(/Points de rupture \(CAQES R4 1\.2\)\s+\d+\s%.*▼ −[\d,]+ points?/);
    expect(result.out).toContain('Actions de la campagne précédente : 2 réalisées');
  });

  it('rapport --precedent: the fiche shows the evolution, on one page, no line drawn over another', async () => {
    const pdf = join(tempDir('rapport-precedent'), 'fiche.pdf');
    const result = await runCli('rapport', campaigns.current, '--sortie', pdf, '--precedent', campaigns.previous);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(pageCount(pdf)).toBe(1);
    const lines = textLines(pdf);
    const text = lines.map((line) => line.text).join(' ').replace(/[\s\u00A0\u202F]+/g, ' ');
    expect(text).toContain('Depuis la campagne précédente');
    expect(text).toMatch(/Points de rupture : -[\d,]+ points? \(\d+ % l'an dernier\)/);
    expect(text).toContain(`Ruptures fermées : ${campaigns.closed.fromLabel} › ${campaigns.closed.toLabel}`);
    expect(overlappingLines(lines)).toEqual([]);
  }, 120_000);

  it('refuses an unreadable file with a French reason', async () => {
    const result = await runCli('comparer', campaigns.previous, '/nulle/part.xlsx');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Erreur : Impossible de lire \/nulle\/part\.xlsx/);
  });
});
