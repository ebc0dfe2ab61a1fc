/** File checks shared by the commands that write a workbook. */
import { stat } from 'node:fs/promises';
import { CliError } from './errors';

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

/** Refuses to replace an existing file unless --force was given: it may hold someone's answers. */
export async function refuseOverwrite(path: string, force: boolean | undefined): Promise<void> {
  if (force) return;
  if (await stat(path).then(() => true, () => false)) throw new CliError(`Le fichier ${path} existe déjà : ajoutez --force pour le remplacer.`);
}

export function requireXlsx(path: string, role: string): void {
  if (!path.toLowerCase().endsWith('.xlsx')) throw new CliError(`${role} doit avoir l'extension .xlsx : ${path}`);
}
