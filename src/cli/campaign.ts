/** A workbook read as one campaign: its analysis, its plan d'action and who filled it. */
import type { Campaign } from '../domain/campaign/compare';
import type { Establishment } from './consolidation/identity';
import { CliError } from './errors';
import { readWorkbook } from './workbook';

export interface CampaignFile extends Campaign {
  file: string;
  establishment: Establishment;
}

export async function readCampaign(file: string): Promise<CampaignFile> {
  const loaded = await readWorkbook(file, true);
  if (!loaded.ok) throw new CliError(`Impossible de lire ${file} : ${loaded.reason}`);
  return { file, ...loaded.value };
}
