/** Reads a part of an .xlsx package (jszip is what exceljs itself writes packages with). */
import JSZip from 'jszip';

export async function packagePart(bytes: Buffer, path: string): Promise<string> {
  const part = (await JSZip.loadAsync(bytes)).file(path);
  if (!part) throw new Error(`partie ${path} absente du classeur`);
  return part.async('string');
}
