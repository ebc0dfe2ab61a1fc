/**
 * What an .xlsx package holds that exceljs drops when it saves the workbook again (charts,
 * pivot tables, macros…), read from the zip's central directory without unpacking anything.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/** Names of the parts of a zip package; empty when the directory cannot be found. */
export function packageParts(bytes: Buffer): string[] {
  // The end record is in the last 22 bytes plus an optional comment of up to 65,535 bytes.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return [];
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count && at + 46 <= bytes.length && bytes.readUInt32LE(at) === CENTRAL_DIRECTORY_ENTRY; i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const LOST_ON_SAVE: [RegExp, string][] = [
  [/^xl\/charts\//, 'des graphiques'],
  [/^xl\/pivotTables\//, 'des tableaux croisés dynamiques'],
  [/^xl\/vbaProject\.bin$/, 'des macros'],
  [/^xl\/slicers\//, 'des segments (slicers)'],
  [/^xl\/externalLinks\//, 'des liaisons vers d’autres classeurs'],
];

/** French names of what saving the package with exceljs would lose. */
export function partsLostOnSave(parts: string[]): string[] {
  return LOST_ON_SAVE.filter(([pattern]) => parts.some((part) => pattern.test(part))).map(([, label]) => label);
}
