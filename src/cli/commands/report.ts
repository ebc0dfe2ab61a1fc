/** `rapport FICHIER.xlsx --sortie fiche.pdf`: the one-page fiche de synthèse for the direction. */
import { fileErrorMessage } from '../../adapters/xlsx/container';
import { writeFileSafely } from '../../adapters/xlsx/safeWrite';
import { circuitOf } from '../../views/circuit';
import { compareCampaigns } from '../../domain/campaign/compare';
import { ficheContent } from '../../workbook/fiche';
import { CliError } from '../errors';
import { renderFichePdf } from '../fiche/pdf';
import type { CliIo } from '../io';
import { refuseOverwrite } from '../paths';
import { readCampaign } from '../campaign';

export interface ReportOptions {
  sortie: string;
  force?: boolean;
  /** Last year's workbook: the fiche shows the evolution since it. */
  precedent?: string;
}

/** Reads one workbook (and last year's, `previous`) and writes its fiche to `output`; the establishment's name, for the caller to say. */
export async function writeFiche(file: string, output: string, date: Date, previous?: string): Promise<string> {
  const current = await readCampaign(file);
  const { analysis, plan, establishment } = current;
  const evolution = previous === undefined ? undefined : compareCampaigns(await readCampaign(previous), current, date);
  const name = establishment.finess ? `${establishment.name} (FINESS ${establishment.finess})` : establishment.name;
  const pdf = await renderFichePdf(ficheContent({ analysis, plan, establishment: name, date, evolution }), circuitOf(analysis));
  try {
    await writeFileSafely(output, pdf);
  } catch (error) {
    throw new CliError(`Impossible d'écrire ${output} : ${fileErrorMessage(error)}`);
  }
  return establishment.name;
}

export async function reportCommand(file: string, options: ReportOptions, io: CliIo, date = new Date()): Promise<number> {
  if (!options.sortie.toLowerCase().endsWith('.pdf')) throw new CliError(`La fiche doit avoir l'extension .pdf : ${options.sortie}`);
  await refuseOverwrite(options.sortie, options.force);
  await writeFiche(file, options.sortie, date, options.precedent);
  io.out(`Fiche de synthèse écrite : ${options.sortie} (une page A4).\n`);
  return 0;
}
