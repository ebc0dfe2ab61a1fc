/** `comparer`: the demo establishment against itself one year later (test/support/campaigns.ts). */
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

  it('refuses an unreadable file with a French reason', async () => {
    const result = await runCli('comparer', campaigns.previous, '/nulle/part.xlsx');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^Erreur : Impossible de lire \/nulle\/part\.xlsx/);
  });
});
