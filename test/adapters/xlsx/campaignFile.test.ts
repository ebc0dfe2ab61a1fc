/** Last year's workbook read from its bytes, as the task pane reads a picked file. */
import { readCampaignBytes } from '../../../src/adapters/xlsx/campaignFile';
import { XlsxWorkbookPort } from '../../../src/adapters/xlsx/port';
import { analyse } from '../../../src/domain/analyse';
import { demoAnswers } from '../../../src/domain/demo';
import { campaignCell } from '../../../src/workbook/campaignInfo';
import { readGrid } from '../../../src/adapters/xlsx/cells';
import { planRow } from '../../support/plan';

async function lastYear(): Promise<{ bytes: Uint8Array; port: XlsxWorkbookPort }> {
  const port = new XlsxWorkbookPort();
  await port.initialise();
  await port.fillDemo(demoAnswers());
  const notice = port.worksheet('notice');
  if (!notice.ok) throw new Error('notice absente');
  const at = campaignCell(readGrid(notice.value))!;
  notice.value.getCell(at.row, at.column).value = '2025 (ouverte le 02/01/2025)';
  await port.writePlan([planRow('R-TEST', { status: 'Réalisé' })]);
  return { bytes: new Uint8Array(await port.toBuffer()), port };
}

describe('readCampaignBytes', () => {
  it('gives the analysis, the plan and the campaign the notice names', async () => {
    const { bytes, port } = await lastYear();
    const read = readCampaignBytes(bytes, 'campagne-2025.xlsx');
    if (!read.ok) throw new Error(read.message);
    const cartographie = await port.readCartographie();
    expect(cartographie.ok && read.value.analysis.figures.overall).toEqual(cartographie.ok && analyse(cartographie.value).figures.overall);
    expect(read.value.plan.map((row) => [row.ref, row.status])).toEqual([['R-TEST', 'Réalisé']]);
    expect(read.value.info).toMatchObject({ year: 2025 });
    expect(read.value.fileName).toBe('campagne-2025.xlsx');
  });

  it('says in French why a file cannot be last year’s campaign', async () => {
    expect(readCampaignBytes(new TextEncoder().encode('Réf.;Zone\n'), 'export.csv')).toEqual({
      ok: false,
      message: "« export.csv » ne peut pas servir de campagne précédente : Le fichier n'est pas un classeur Excel .xlsx : enregistrez-le au format .xlsx.",
    });
    expect(readCampaignBytes(new Uint8Array(), 'vide.xlsx')).toMatchObject({ ok: false, message: expect.stringContaining('Le fichier est vide.') });
    const empty = new XlsxWorkbookPort();
    empty.workbook.addWorksheet('Feuil1');
    const other = readCampaignBytes(new Uint8Array(await empty.toBuffer()), 'autre.xlsx');
    expect(other).toMatchObject({ ok: false, message: expect.stringMatching(/^« autre\.xlsx » ne peut pas servir de campagne précédente : mise en page non reconnue/) });
  });

  it('reads the same in a browser: no Node Buffer, no zlib (fflate and TextDecoder instead)', async () => {
    const { bytes } = await lastYear();
    const inNode = readCampaignBytes(bytes, 'campagne-2025.xlsx');
    let inBrowser: ReturnType<typeof readCampaignBytes> | undefined;
    jest.isolateModules(() => {
      // webpack maps `zlib` to an empty module in the pane's build (resolve.fallback).
      jest.doMock('zlib', () => ({}));
      const { readCampaignBytes: read } = jest.requireActual<typeof import('../../../src/adapters/xlsx/campaignFile')>('../../../src/adapters/xlsx/campaignFile');
      const saved = globalThis.Buffer;
      delete (globalThis as { Buffer?: typeof Buffer }).Buffer;
      try {
        inBrowser = read(bytes, 'campagne-2025.xlsx');
      } finally {
        globalThis.Buffer = saved;
      }
    });
    expect(inNode.ok).toBe(true);
    expect(JSON.stringify(inBrowser)).toBe(JSON.stringify(inNode));
  });
});
