/** The campaign year and date, in the notice's identity block, as each adapter reads it. */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { serialOfDate } from '../../src/domain/excelDates';
import { campaignCell, campaignText, parseCampaign } from '../../src/workbook/campaignInfo';
import { cellAddress } from '../../src/workbook/grid';
import { SHEETS } from '../../src/workbook/sheets';
import { initialisedWorkbook } from '../adapters/office/helpers';

const OPENED = new Date(Date.UTC(2026, 10, 27));

describe('campaign info', () => {
  it('reads what « Nouvelle campagne » writes, a year, a date, or nothing', () => {
    expect(campaignText(2026, OPENED)).toBe('2026 (ouverte le 27/11/2026)');
    expect(parseCampaign({ value: campaignText(2026, OPENED) })).toEqual({ year: 2026, date: serialOfDate(OPENED), text: '2026 (ouverte le 27/11/2026)' });
    expect(parseCampaign({ value: 2025 })).toEqual({ year: 2025, date: null, text: '2025' });
    expect(parseCampaign({ value: 'Campagne 2024-2025' })).toMatchObject({ year: 2024, date: null });
    expect(parseCampaign({ value: serialOfDate(OPENED), date: true })).toEqual({ year: 2026, date: serialOfDate(OPENED), text: '27/11/2026' });
    expect(parseCampaign({ value: '  ' })).toBeNull();
    expect(parseCampaign({ value: '#N/A', error: true })).toBeNull();
  });

  it('the three adapters read the cell under « Campagne (année ou date) » of the notice', async () => {
    const memory = MemoryWorkbookPort.fromTemplate();
    const notice = memory.workbook.grid(SHEETS.notice);
    const at = campaignCell(notice);
    expect(at).toBeDefined();
    const address = cellAddress(at!.row, at!.column);
    expect(await memory.readCampaignInfo()).toEqual({ ok: true, value: null });
    memory.workbook.write(SHEETS.notice, [{ address, cell: { value: '2025' } }]);
    expect(await memory.readCampaignInfo()).toEqual({ ok: true, value: { year: 2025, date: null, text: '2025' } });

    const xlsx = new XlsxWorkbookPort();
    await xlsx.initialise();
    const sheet = xlsx.worksheet('notice');
    if (!sheet.ok) throw new Error('notice absente');
    sheet.value.getCell(address).value = campaignText(2026, OPENED);
    expect(await xlsx.readCampaignInfo()).toEqual({ ok: true, value: { year: 2026, date: serialOfDate(OPENED), text: campaignText(2026, OPENED) } });

    const { fake, port } = await initialisedWorkbook();
    fake.seed(SHEETS.notice, address, [['2027']]);
    expect(await port.readCampaignInfo()).toMatchObject({ ok: true, value: { year: 2027 } });
  });

  it('says when the workbook has no notice', async () => {
    const xlsx = new XlsxWorkbookPort();
    expect(await xlsx.readCampaignInfo()).toMatchObject({ ok: false, problems: [{ code: 'sheet-missing' }] });
  });
});
