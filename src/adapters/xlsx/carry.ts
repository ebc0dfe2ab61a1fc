/**
 * Parts exceljs neither reads nor writes, carried byte for byte from the file opened into the
 * file saved: custom document properties (where sensitivity labels live), the label information
 * part, custom XML data (SharePoint metadata), the thumbnail. Each keeps its content type and the
 * relationship that ties it to the package or to the workbook.
 */
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { relsPath, resolveTarget } from './partPaths';
import { attribute } from './sheetXml';

/** Relationship types whose parts are carried (the end of the type URI). */
const CARRIED_TYPES = ['/custom-properties', '/customXml', '/classificationlabels', '/thumbnail', '/customXmlProps'];

const RELS_OF_ROOT = '_rels/.rels';
const WORKBOOK = 'xl/workbook.xml';

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : '');
const encode = (xml: string) => new TextEncoder().encode(xml);

interface Relationship {
  type: string;
  part: string;
}

function relationships(files: Unzipped, source: string): Relationship[] {
  return Array.from(text(files[relsPath(source)]).matchAll(/<Relationship\b([^>]*)>/g), (match) => ({
    type: attribute(match[1], 'Type') ?? '',
    part: attribute(match[1], 'TargetMode') === 'External' ? '' : resolveTarget(source, attribute(match[1], 'Target') ?? ''),
  })).filter((rel) => rel.part !== '');
}

/** Adds relationships to a .rels part (created when absent), with ids the part does not use yet. */
function addRelationships(xml: string, added: Relationship[]): string {
  const base = xml || '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const lines = added.map((rel, index) => `<Relationship Id="rIdCarried${index + 1}" Type="${rel.type}" Target="/${rel.part}"/>`);
  return base.replace('</Relationships>', `${lines.join('')}</Relationships>`);
}

/** Content type entries of the original package for the carried parts, added to the saved package's list. */
function addContentTypes(saved: string, original: string, parts: string[]): string {
  const additions: string[] = [];
  for (const part of parts) {
    const override = new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`, 'i').exec(original)?.[0];
    if (override && !saved.includes(`PartName="/${part}"`)) additions.push(override);
    const extension = part.slice(part.lastIndexOf('.') + 1);
    const fallback = new RegExp(`<Default\\b[^>]*Extension="${extension}"[^>]*>`, 'i').exec(original)?.[0];
    if (!override && fallback && !new RegExp(`Extension="${extension}"`, 'i').test(saved) && !additions.includes(fallback)) additions.push(fallback);
  }
  return saved.replace('</Types>', `${additions.join('')}</Types>`);
}

/** `written` (exceljs's output) with the carried parts of `original` added back. */
export function carryParts(original: Uint8Array, written: Uint8Array): Buffer {
  const source = unzipSync(original);
  const saved = unzipSync(written);
  const carried: string[] = [];
  /** Copies a part and, recursively, the parts its own relationships point to. */
  const copy = (part: string) => {
    if (saved[part] || !source[part]) return;
    saved[part] = source[part];
    carried.push(part);
    const rels = relsPath(part);
    if (source[rels]) {
      saved[rels] = source[rels];
      relationships(source, part).forEach((rel) => copy(rel.part));
    }
  };
  for (const [relsPart, sourcePart] of [[RELS_OF_ROOT, ''], [relsPath(WORKBOOK), WORKBOOK]] as const) {
    const missing = relationships(source, sourcePart).filter((rel) => CARRIED_TYPES.some((type) => rel.type.endsWith(type)) && source[rel.part] && !saved[rel.part]);
    if (missing.length === 0) continue;
    missing.forEach((rel) => copy(rel.part));
    saved[relsPart] = encode(addRelationships(text(saved[relsPart]), missing));
  }
  if (carried.length === 0) return Buffer.from(written);
  saved['[Content_Types].xml'] = encode(addContentTypes(text(saved['[Content_Types].xml']), text(source['[Content_Types].xml']), carried));
  return Buffer.from(zipSync(saved, { level: 6 }));
}
