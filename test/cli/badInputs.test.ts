/**
 * Bad and hostile inputs, as a new user or an advisor receiving files would give them: each case
 * checks the exit code, the French message (no stack trace, no raw system error) and that the
 * input file is byte for byte what it was.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomCartographie } from '../support/cartographie';
import { FILE_WORK_MS, runCli, tempDir, type CliRun } from './runCli';
import { corruptPart, lieAboutSize, mapPart, otherZip, partOf, PARTS, strayCell, withBomb, withMethod, withParts } from './hostile';
import { fakeEncryptedWorkbook, foreignWorkbook, writeEstablishment } from './workbooks';

const MiB = 1024 * 1024;
/** Just past the limit a part may expand to. */
const BOMB = 101 * MiB;

const dir = tempDir('hostile');
let base: Buffer;
let baseFigures: unknown;

/** What `analyse --json` says apart from the file name: the figures that must not change. */
function figures(run: CliRun): unknown {
  const { completude, rates, zones, etapes, transitions, ecartsCritiques } = JSON.parse(run.out);
  return { completude, rates, zones, etapes, transitions, ecartsCritiques };
}

/** A French message, without a stack trace or a system error name. */
function expectFrench(text: string, message: string | RegExp): void {
  expect(text).toMatch(message);
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/Cannot read|TypeError|RangeError|undefined|null|EACCES|ENOENT|EISDIR|ENOTDIR|Error:/);
}

let counter = 0;
function write(bytes: Buffer, name = `cas-${++counter}.xlsx`): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

beforeAll(async () => {
  const file = join(dir, 'base.xlsx');
  await writeEstablishment(file, randomCartographie(31), { name: 'CH fictif de Base', finess: '010000001' });
  base = readFileSync(file);
  baseFigures = figures(await runCli('analyse', file, '--json'));
}, FILE_WORK_MS);

type Build = () => Buffer | Promise<Buffer>;

/** `analyse` on inputs that cannot be read: exit 2, a French reason, the file untouched. */
const UNREADABLE: [string, Build, string | RegExp][] = [
  ['an empty file', () => Buffer.alloc(0), 'Le fichier est vide'],
  ['a text file named .xlsx', () => Buffer.from('ceci est un fichier texte'), "n'est pas un classeur Excel .xlsx : enregistrez-le au format .xlsx"],
  ['a CSV file named .xlsx', () => Buffer.from('Réf.;Réponse\nA1;OUI\n'), "n'est pas un classeur Excel .xlsx"],
  ['a password-protected workbook', fakeEncryptedWorkbook, 'protégé par un mot de passe : enregistrez-le sans mot de passe'],
  ['an Excel 97-2003 file', () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'Excel 97-2003 (.xls) : enregistrez-le au format .xlsx'],
  ['a truncated workbook', () => base.subarray(0, 2000), 'endommagé'],
  ['a zip signature then garbage', () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]), 'endommagé'],
  ['a plain zip archive', () => otherZip('zip'), "archive zip, pas un classeur Excel : décompressez-la"],
  ['an OpenDocument spreadsheet renamed .xlsx', () => otherZip('ods'), /OpenDocument \(\.ods\) : .*enregistrez-le au format « Classeur Excel \(\.xlsx\) »/],
  ['a Word document renamed .xlsx', () => otherZip('docx'), 'document Word, pas un classeur'],
  ['a PowerPoint renamed .xlsx', () => otherZip('pptx'), 'présentation PowerPoint, pas un classeur'],
  ['a workbook without the cartographie sheet', () => mapPart(base, 'xl/workbook.xml', (xml) => xml.replace('name="Cartographie données info DMI"', 'name="Feuil3"')), 'feuille « Cartographie données info DMI » introuvable'],
  ['a cartographie without its Réponse column', () => mapPart(base, 'xl/sharedStrings.xml', (xml) => xml.replace('<t>Réponse</t>', '<t>Résultat</t>')), 'colonne « Réponse » introuvable'],
  ['a workbook with no sheet at all', () => mapPart(base, 'xl/workbook.xml', (xml) => xml.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>')), 'aucune feuille'],
  ['a cartographie without any question row', () => mapPart(base, PARTS.cartographie, (xml) => xml.replace(/<row r="(\d+)"[\s\S]*?<\/row>/g, (row, r: string) => (Number(r) <= 4 ? row : ''))), 'ne contient aucune ligne de question'],
  ['a cartographie cut in the middle of its XML', () => mapPart(base, PARTS.cartographie, (xml) => xml.slice(0, Math.floor(xml.length / 2))), 'endommagé'],
  ['a cartographie whose compressed bytes are corrupt', () => corruptPart(base, PARTS.cartographie), 'endommagé'],
  ['a cartographie with an unknown compression method', () => withMethod(base, PARTS.cartographie, 12), 'endommagé'],
  ['a cartographie that expands past the limit (zip bomb)', () => withBomb(base, PARTS.cartographie, BOMB), /anormalement volumineux .*limite 100 Mio par partie.*supprimez les feuilles ou les cellules inutiles/],
  ['a zip bomb whose header lies about its size', async () => lieAboutSize(await withBomb(base, PARTS.cartographie, BOMB), PARTS.cartographie, 1000), 'anormalement volumineux'],
  ['a zip bomb in the Synthèse, where the identity is read', () => withBomb(base, PARTS.synthesis, BOMB), 'anormalement volumineux'],
  ['shared strings that expand past the limit', () => withBomb(base, 'xl/sharedStrings.xml', BOMB), 'anormalement volumineux'],
];

describe('analyse refuses what it cannot read, in French, and changes nothing', () => {
  it.each(UNREADABLE)('%s', async (_name, build, message) => {
    const file = write(await build());
    const before = readFileSync(file);
    const result = await runCli('analyse', file);
    expect(result.code).toBe(2);
    expectFrench(result.err, message);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, FILE_WORK_MS);

  it.each([
    ['a missing file', () => join(dir, 'absent.xlsx'), 'introuvable'],
    ['a folder', () => dir, "C'est un dossier"],
    ['a path through a file', () => join(write(base, 'fichier.xlsx'), 'dedans.xlsx'), "n'est pas un dossier : vérifiez le chemin"],
  ])('%s', async (_name, path, message) => {
    const result = await runCli('analyse', path());
    expect(result.code).toBe(2);
    expectFrench(result.err, message);
  });
});

/** Inputs that must be read, with the very figures of the clean workbook. */
const READABLE: [string, Build][] = [
  ['a stray value at XFD1048576 of the cartographie', () => mapPart(base, PARTS.cartographie, strayCell('XFD1048576'))],
  ['a stray value far right on a blank row', () => mapPart(base, PARTS.cartographie, strayCell('XFD3'))],
  ['a stray value at A1048576 of the notice', () => mapPart(base, PARTS.notice, strayCell('A1048576', 'note'))],
  ['a stray value at XFD1048576 of the plan', () => mapPart(base, PARTS.plan, strayCell('XFD1048576'))],
  ['a zip bomb in the unused Références sheet', () => withBomb(base, PARTS.references, BOMB)],
  ['a zip bomb in the unused plan sheet', () => withBomb(base, PARTS.plan, BOMB)],
];

describe('analyse reads what it needs and only that', () => {
  it.each(READABLE)('%s', async (_name, build) => {
    const file = write(await build());
    const before = readFileSync(file);
    const result = await runCli('analyse', file, '--json');
    expect(result.code).toBe(0);
    expect(figures(result)).toEqual(baseFigures);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, FILE_WORK_MS);
});

/** Parts exceljs would drop on save: --ecrire refuses and leaves the file as it was. */
const DROPPED: [string, string][] = [
  ['xl/charts/chart1.xml', 'des graphiques'],
  ['xl/pivotTables/pivotTable1.xml', 'des tableaux croisés dynamiques'],
  ['xl/pivotCache/pivotCacheDefinition1.xml', 'des caches de tableaux croisés dynamiques'],
  ['xl/vbaProject.bin', 'des macros'],
  ['xl/slicers/slicer1.xml', 'des segments (slicers)'],
  ['xl/slicerCaches/slicerCache1.xml', 'des segments (slicers)'],
  ['xl/timelines/timeline1.xml', 'des chronologies'],
  ['xl/externalLinks/externalLink1.xml', 'des liaisons vers d’autres classeurs'],
  ['xl/threadedComments/threadedComment1.xml', 'des commentaires modernes (fils de discussion)'],
  ['xl/persons/person.xml', 'des commentaires modernes (fils de discussion)'],
  ['xl/ctrlProps/ctrlProp1.xml', 'des contrôles de formulaire'],
  ['xl/activeX/activeX1.xml', 'des contrôles ActiveX'],
  ['xl/embeddings/oleObject1.bin', 'des objets incorporés'],
  ['xl/drawings/drawing1.xml', 'des dessins (formes, zones de texte, images ou graphiques)'],
  ['xl/model/item.data', 'un modèle de données Power Pivot'],
  ['xl/connections.xml', 'des connexions à des données externes'],
  ['xl/queryTables/queryTable1.xml', 'des requêtes de données externes'],
  ['xl/webextensions/webextension1.xml', 'des compléments Office incorporés'],
  ['xl/richData/rdrichvalue.xml', 'des types de données enrichis (images dans les cellules)'],
];

describe('analyse --ecrire refuses rather than drop a part it cannot carry', () => {
  it.each(DROPPED)('%s', async (part, label) => {
    const file = write(await withParts(base, { [part]: '<?xml version="1.0"?><x/>' }));
    const before = readFileSync(file);
    const result = await runCli('analyse', file, '--ecrire');
    expect(result.code).toBe(2);
    expectFrench(result.err, `contient ${label}`);
    expect(result.err).toContain('ne sait pas conserver');
    expect(readFileSync(file).equals(before)).toBe(true);
  }, FILE_WORK_MS);

  it('refuses a zip bomb in an unused sheet, which writing would have to load', async () => {
    const file = write(await withBomb(base, PARTS.references, BOMB));
    const before = readFileSync(file);
    const result = await runCli('analyse', file, '--ecrire');
    expect(result.code).toBe(2);
    expectFrench(result.err, 'anormalement volumineux');
    expect(readFileSync(file).equals(before)).toBe(true);
  }, FILE_WORK_MS);
});

describe('consolider on hostile inputs', () => {
  it('finishes the batch, writes the regional workbook and lists every unread file with its reason', async () => {
    const folder = join(dir, 'lot');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-propre.xlsx'), base);
    writeFileSync(join(folder, 'b-cellule-isolee.xlsx'), await mapPart(base, PARTS.cartographie, strayCell('XFD1048576')));
    writeFileSync(join(folder, 'c-bombe-references.xlsx'), await withBomb(base, PARTS.references, BOMB));
    writeFileSync(join(folder, 'd-bombe-cartographie.xlsx'), await withBomb(base, PARTS.cartographie, BOMB));
    writeFileSync(join(folder, 'e-ods-renomme.xlsx'), otherZip('ods'));
    writeFileSync(join(folder, 'f-archive.xlsx'), otherZip('zip'));
    writeFileSync(join(folder, 'g-vide.xlsx'), '');
    writeFileSync(join(folder, 'h-vrai.ods'), otherZip('ods'));
    writeFileSync(join(folder, '~$a-propre.xlsx'), Buffer.alloc(165, 1));
    await foreignWorkbook(join(folder, 'i-etranger.xlsx'));
    const output = join(tempDir('region-hostile'), 'region.xlsx');
    const result = await runCli('consolider', folder, '--sortie', output, '--json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out);
    const reasons = Object.fromEntries(summary.nonLus.map((u: { file: string; reason: string }) => [u.file.split('/').pop(), u.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['d-bombe-cartographie.xlsx', 'e-ods-renomme.xlsx', 'f-archive.xlsx', 'g-vide.xlsx', 'h-vrai.ods', 'i-etranger.xlsx']);
    expectFrench(reasons['d-bombe-cartographie.xlsx'], 'anormalement volumineux');
    expectFrench(reasons['e-ods-renomme.xlsx'], 'OpenDocument (.ods)');
    expectFrench(reasons['f-archive.xlsx'], 'archive zip');
    expectFrench(reasons['g-vide.xlsx'], 'vide');
    expectFrench(reasons['h-vrai.ods'], 'enregistrez le classeur au format .xlsx');
    expect(summary.etablissements.map((es: { file: string }) => es.file.split('/').pop())).toEqual(['a-propre.xlsx', 'b-cellule-isolee.xlsx', 'c-bombe-references.xlsx']);
    // The three carry the same FINESS: the advisor is told.
    expect(summary.avertissements).toEqual([expect.stringMatching(/^Même FINESS 010000001 dans .*a-propre\.xlsx.*: deux versions du même établissement/)]);
  }, FILE_WORK_MS);

  it('lists a workbook that exhausts the memory budget of its reader, and reads the others', async () => {
    const folder = join(dir, 'memoire');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a-propre.xlsx'), base);
    // 95 Mio of short shared strings, each decoded into a string of its own: under the size limit, over the reader's memory budget.
    writeFileSync(join(folder, 'b-millions-de-textes.xlsx'), await withBomb(base, 'xl/sharedStrings.xml', 95 * MiB, '<si><t>a&amp;</t></si>'));
    writeFileSync(join(folder, 'c-propre.xlsx'), base);
    const output = join(tempDir('region-memoire'), 'region.xlsx');
    const result = await runCli('consolider', folder, '--sortie', output, '--json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out);
    expect(summary.etablissements.map((es: { file: string }) => es.file.split('/').pop())).toEqual(['a-propre.xlsx', 'c-propre.xlsx']);
    expect(summary.nonLus).toHaveLength(1);
    expectFrench(summary.nonLus[0].reason, /plus de 256 Mio de mémoire .*supprimez ce qui est inutile/);
    expect(readFileSync(output).length).toBeGreaterThan(0);
  }, FILE_WORK_MS);

  it('counts a file given twice, through another path or a link, once, and says so', async () => {
    const folder = join(dir, 'doublons');
    mkdirSync(folder);
    const file = join(folder, 'es.xlsx');
    writeFileSync(file, base);
    symlinkSync(file, join(folder, 'lien.xlsx'));
    const output = join(tempDir('region-doublons'), 'region.xlsx');
    const result = await runCli('consolider', file, join(folder, '..', 'doublons', 'es.xlsx'), join(folder, 'lien.xlsx'), '--sortie', output, '--json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out);
    expect(summary.etablissements).toHaveLength(1);
    expect(summary.avertissements).toHaveLength(2);
    expectFrench(summary.avertissements[0], "est le même fichier que");
  }, FILE_WORK_MS);

  it.each([
    ['named among the inputs', (file: string) => [file, '--sortie', file, '--force']],
    ['inside the folder consolidated', (file: string) => [join(file, '..'), '--sortie', file, '--force']],
  ])('refuses an output %s, and leaves it untouched', async (_name, args) => {
    const folder = join(dir, `sortie-${++counter}`);
    mkdirSync(folder);
    const file = join(folder, 'es.xlsx');
    writeFileSync(file, base);
    const result = await runCli('consolider', ...args(file));
    expect(result.code).toBe(2);
    expectFrench(result.err, 'est aussi un des classeurs à consolider');
    expect(readFileSync(file).equals(base)).toBe(true);
  }, FILE_WORK_MS);

  it('says in French that the output folder does not exist', async () => {
    const result = await runCli('consolider', write(base), '--sortie', join(dir, 'absent', 'region.xlsx'));
    expect(result.code).toBe(2);
    expectFrench(result.err, 'introuvable : vérifiez le chemin');
  }, FILE_WORK_MS);
});

describe('more mistakes a user makes', () => {
  it('reads a formula-looking answer as text and writes the plan with it as text', async () => {
    const file = write(await mapPart(base, 'xl/sharedStrings.xml', (xml) => xml.replace('<t>OUI</t>', "<t>=cmd|' /C calc'!A0</t>")));
    const result = await runCli('analyse', file, '--ecrire', '--json');
    expect(result.code).toBe(0);
    const invalid = JSON.parse(result.out).findings.filter((finding: { kind: string }) => finding.kind === 'invalide');
    expect(invalid.length).toBeGreaterThan(0);
    expect(await partOf(readFileSync(file), PARTS.cartographie)).not.toContain('<f>cmd');
  }, FILE_WORK_MS);

  it('refuses a file over the size limit without reading it', async () => {
    const file = write(Buffer.concat([base, Buffer.alloc(101 * MiB)]));
    const result = await runCli('analyse', file);
    expect(result.code).toBe(2);
    expectFrench(result.err, 'dépasse 100 Mio');
  }, FILE_WORK_MS);

  it.each([
    ['an empty folder', () => []],
    ['a folder holding only Excel lock files and hidden files', () => ['~$es.xlsx', '.es.xlsx']],
  ])('consolider on %s says there is nothing to consolidate', async (_name, names) => {
    const folder = join(dir, `vide-${++counter}`);
    mkdirSync(folder);
    for (const name of names()) writeFileSync(join(folder, name), base);
    const result = await runCli('consolider', folder, '--sortie', join(dir, `region-${counter}.xlsx`));
    expect(result.code).toBe(2);
    expectFrench(result.err, 'Aucun classeur à consolider');
  });

  it('refuses an output that is not .xlsx', async () => {
    const result = await runCli('consolider', write(base), '--sortie', join(dir, 'region.ods'));
    expect(result.code).toBe(2);
    expectFrench(result.err, "Le fichier de sortie doit avoir l'extension .xlsx");
  });

  it('lists a folder named like a workbook as unread, with the reason', async () => {
    const folder = join(dir, `lot-dossier-${++counter}`);
    mkdirSync(join(folder, 'sous-dossier.xlsx'), { recursive: true });
    writeFileSync(join(folder, 'es.xlsx'), base);
    const result = await runCli('consolider', folder, '--sortie', join(dir, `region-${counter}.xlsx`), '--json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.out);
    expect(summary.nonLus).toHaveLength(1);
    expectFrench(summary.nonLus[0].reason, "C'est un dossier");
  }, FILE_WORK_MS);
});
