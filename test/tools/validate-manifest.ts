/**
 * Offline validation of manifest.xml: the XML schema (xmllint with the Office add-in XSD), then
 * what the schema cannot check: every icon URL maps to a PNG of assets/ of the right size, every
 * resid is defined, every URL is https. Exits non-zero with French messages on failure.
 *
 *   npx tsx test/tools/validate-manifest.ts [manifest.xml]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PNG } from 'pngjs';

const ROOT = resolve(__dirname, '..', '..');
export const SCHEMA = resolve(ROOT, '..', 'shared', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');

export interface ManifestCheck {
  ok: boolean;
  errors: string[];
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));
}

/** Every element of a given name, with its attributes. */
function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((match) => attributes(match[0]));
}

function schemaErrors(manifest: string, schema: string): string[] {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    return ["xmllint est introuvable : installez-le (apt-get install -y libxml2-utils) pour valider le manifeste hors ligne."];
  }
  if (!existsSync(schema)) return [`Schéma du manifeste introuvable : ${schema}`];
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, manifest], { encoding: 'utf8' });
  if (run.status === 0) return [];
  return [`Le manifeste ne respecte pas le schéma Office :\n${run.stderr.trim()}`];
}

/** Size in pixels of the PNG an add-in URL points to, looked up in the repository (…/assets/x.png → assets/x.png). */
function iconProblem(url: string, size: number, root: string): string | null {
  const path = new URL(url).pathname.replace(/^\//, '');
  const file = join(root, path);
  if (!path.startsWith('assets/') || !existsSync(file)) return `Icône ${url} : fichier ${path} absent du dossier assets/.`;
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(file));
  } catch {
    return `Icône ${url} : ${path} n'est pas une image PNG lisible.`;
  }
  if (png.width !== size || png.height !== size) {
    return `Icône ${url} : ${png.width}×${png.height} px au lieu de ${size}×${size} px.`;
  }
  return null;
}

export function validateManifest(manifest = join(ROOT, 'manifest.xml'), options: { schema?: string; root?: string } = {}): ManifestCheck {
  const root = options.root ?? ROOT;
  if (!existsSync(manifest)) return { ok: false, errors: [`Manifeste introuvable : ${manifest}`] };
  const errors = schemaErrors(manifest, options.schema ?? SCHEMA);
  const xml = readFileSync(manifest, 'utf8');

  const defined = new Map<string, string>();
  for (const kind of ['bt:Image', 'bt:Url', 'bt:String']) {
    for (const element of elements(xml, kind)) if (element.id) defined.set(element.id, element.DefaultValue ?? '');
  }
  for (const { resid } of [...xml.matchAll(/resid="([^"]*)"/g)].map((match) => ({ resid: match[1] }))) {
    if (!defined.has(resid)) errors.push(`La ressource « ${resid} » est utilisée (resid) mais n'est définie nulle part dans <Resources>.`);
  }

  const urls = [
    ...[...xml.matchAll(/DefaultValue="([a-z]+:\/\/[^"]*)"/gi)].map((match) => match[1]),
    ...[...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((match) => match[1].trim()),
  ];
  for (const url of urls) if (!url.startsWith('https://')) errors.push(`Adresse non sécurisée (https exigé) : ${url}`);

  const icons: [string, number][] = [];
  for (const [name, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
    const url = elements(xml, name)[0]?.DefaultValue;
    if (url) icons.push([url, size]);
    else errors.push(`<${name}> manque ou n'a pas de DefaultValue.`);
  }
  for (const image of elements(xml, 'bt:Image').filter((element) => element.resid && element.size)) {
    const url = defined.get(image.resid);
    if (url) icons.push([url, Number(image.size)]);
  }
  for (const [url, size] of icons) {
    if (!url.startsWith('https://')) continue;
    const problem = iconProblem(url, size, root);
    if (problem) errors.push(problem);
  }
  return { ok: errors.length === 0, errors };
}

if (require.main === module) {
  const manifest = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const check = validateManifest(manifest);
  if (check.ok) {
    console.log('Manifeste valide : schéma Office, icônes, ressources et adresses https.');
  } else {
    for (const error of check.errors) console.error(`✗ ${error}`);
    process.exitCode = 1;
  }
}
