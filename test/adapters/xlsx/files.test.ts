import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openWorkbookBuffer, openWorkbookFile } from '../../../src/adapters/xlsx/files';
import { fileErrorMessage } from '../../../src/adapters/xlsx/container';
import { fakeEncryptedWorkbook } from '../../cli/workbooks';
import { FILE_WORK_MS, tempDir } from '../../cli/runCli';

jest.setTimeout(FILE_WORK_MS);

async function problemOf(bytes: Buffer): Promise<string> {
  const opened = await openWorkbookBuffer(bytes);
  if (opened.ok) throw new Error('le classeur aurait dû être refusé');
  return opened.problem.message;
}

describe('opening .xlsx files', () => {
  it('opens a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Une feuille').getCell('A1').value = 'OUI';
    const opened = await openWorkbookBuffer(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(opened.ok && opened.workbook.getWorksheet('Une feuille')?.getCell('A1').value).toBe('OUI');
  });

  it('says why a file is not a readable workbook', async () => {
    expect(await problemOf(Buffer.alloc(0))).toBe('Le fichier est vide.');
    expect(await problemOf(Buffer.from('Réf.;Réponse\n'))).toContain("n'est pas un classeur Excel .xlsx");
    expect(await problemOf(fakeEncryptedWorkbook())).toContain('protégé par un mot de passe');
    const oldXls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await problemOf(oldXls)).toContain('Excel 97-2003 (.xls)');
    expect(await problemOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]))).toContain('endommagé');
  });

  it('marks an encrypted file as protected, not merely unreadable', async () => {
    const opened = await openWorkbookBuffer(fakeEncryptedWorkbook());
    expect(opened.ok ? null : opened.problem.code).toBe('protected');
  });

  it('reports a missing file and a folder', async () => {
    const dir = tempDir('files');
    const missing = await openWorkbookFile(join(dir, 'absent.xlsx'));
    expect(missing.ok ? '' : missing.problem.message).toBe('Le fichier est introuvable.');
    const folder = await openWorkbookFile(dir);
    expect(folder.ok ? '' : folder.problem.message).toContain('dossier');
    writeFileSync(join(dir, 'vide.xlsx'), '');
    const empty = await openWorkbookFile(join(dir, 'vide.xlsx'));
    expect(empty.ok ? '' : empty.problem.message).toBe('Le fichier est vide.');
  });
});

describe('file system errors a user can cause', () => {
  // An administrator passes every permission check, so these are the codes Node gives, not provoked.
  it.each([
    ['EACCES', 'Accès refusé : vérifiez les droits'],
    ['EPERM', 'Accès refusé : vérifiez les droits'],
    ['ENOENT', 'introuvable : vérifiez le chemin'],
    ['ENOTDIR', "n'est pas un dossier"],
    ['EROFS', 'lecture seule : enregistrez ailleurs'],
    ['ENOSPC', 'disque est plein'],
    ['EBUSY', 'fermez-le'],
  ])('%s reads as French with a remedy', (code, message) => {
    const text = fileErrorMessage(Object.assign(new Error(`${code}: raw system text`), { code }));
    expect(text).toContain(message);
    expect(text).not.toContain(code);
  });
});
