/**
 * Last year's workbook from its bytes, as a campaign to compare with: its cartographie analysed, its
 * plan d'action and the campaign its notice names. Only the streaming reader (fflate and a small XML
 * reader, no Node.js API), so the task pane reads a picked file itself: nothing is sent anywhere.
 */
import { analyse } from '../../domain/analyse';
import { campaignInfoOf, type PreviousCampaign } from '../../workbook/campaignInfo';
import { FILE_LIMIT } from './containerProblems';
import { readWorkbookContent } from './packageReader';

export type CampaignFileResult = { ok: true; value: PreviousCampaign } | { ok: false; message: string };

export function readCampaignBytes(bytes: Uint8Array, fileName: string): CampaignFileResult {
  const refuse = (why: string): CampaignFileResult => ({ ok: false, message: `« ${fileName} » ne peut pas servir de campagne précédente : ${why}` });
  if (bytes.length > FILE_LIMIT) return refuse(`le fichier dépasse ${FILE_LIMIT / 1024 / 1024} Mio, ce n'est pas une cartographie ordinaire.`);
  // The notice names the campaign: the Synthèse (older workbooks) is read only without a notice.
  const content = readWorkbookContent(bytes, () => true, true);
  if (!content.ok) return refuse(content.problem.message);
  const { cartographie, identity, plan } = content.value;
  if (!cartographie.ok) return refuse(`mise en page non reconnue (${cartographie.problems.map((problem) => problem.message).join(' ; ')}).`);
  if (cartographie.value.entries.length === 0) return refuse(`la feuille « ${cartographie.value.sheet} » ne contient aucune ligne de question.`);
  const info = identity.map(campaignInfoOf).find((found) => found !== null) ?? null;
  return { ok: true, value: { fileName, analysis: analyse(cartographie.value), plan: plan?.ok ? plan.value : [], info } };
}
