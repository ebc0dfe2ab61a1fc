/** `rapport FICHIER.xlsx --sortie fiche.pdf`: the one-page fiche de synthèse for the direction. */
import { writeFile } from 'node:fs/promises';
import { ficheContent } from '../../workbook/fiche';
import { CliError } from '../errors';
import { renderFichePdf } from '../fiche/pdf';
import type { CliIo } from '../io';
import { refuseOverwrite } from '../paths';
import { loadWorkbook } from '../workbook';

export interface ReportOptions {
  sortie: string;
  force?: boolean;
}

export async function reportCommand(file: string, options: ReportOptions, io: CliIo, date = new Date()): Promise<number> {
  if (!options.sortie.toLowerCase().endsWith('.pdf')) throw new CliError(`La fiche doit avoir l'extension .pdf : ${options.sortie}`);
  await refuseOverwrite(options.sortie, options.force);
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) throw new CliError(`Impossible de lire ${file} : ${loaded.reason}`);
  const { port, analysis, establishment } = loaded.value;
  const plan = await port.readPlan();
  const name = establishment.finess ? `${establishment.name} (FINESS ${establishment.finess})` : establishment.name;
  const pdf = await renderFichePdf(ficheContent({ analysis, plan: plan.ok ? plan.value : undefined, establishment: name, date }));
  try {
    await writeFile(options.sortie, pdf);
  } catch (error) {
    throw new CliError(`Impossible d'écrire ${options.sortie} : ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  io.out(`Fiche de synthèse écrite : ${options.sortie} (une page A4).\n`);
  return 0;
}
