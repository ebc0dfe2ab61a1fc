/** A workbook read as one campaign: its analysis, its plan d'action and who filled it. */
import type { Campaign } from '../domain/campaign/compare';
import type { Establishment } from './consolidation/identity';
import { CliError } from './errors';
import { loadWorkbook } from './workbook';

export interface CampaignFile extends Campaign {
  file: string;
  establishment: Establishment;
}

export async function readCampaign(file: string): Promise<CampaignFile> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) throw new CliError(`Impossible de lire ${file} : ${loaded.reason}`);
  const { port, analysis, establishment } = loaded.value;
  const plan = await port.readPlan();
  return { file, analysis, establishment, plan: plan.ok ? plan.value : [] };
}
