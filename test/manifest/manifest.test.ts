import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ICON_SIZES, drawIcon } from '../tools/draw-icons';
import { validateManifest } from '../tools/validate-manifest';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

/** Validates a variant of the manifest, icons looked up in the repository. */
function variant(edit: (xml: string) => string) {
  const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.xml');
  writeFileSync(file, edit(MANIFEST));
  return validateManifest(file, { root: ROOT });
}

describe('manifest.xml', () => {
  it('passes the Office schema (xmllint) and the checks the schema cannot make', () => {
    // Fails, with the reason, when xmllint is not installed: never skipped.
    expect(validateManifest()).toEqual({ ok: true, errors: [] });
  });

  it('declares the host, locale, permissions and minimum requirement set the adapter needs', () => {
    expect(MANIFEST).toMatch(/<Host Name="Workbook"\/>/);
    expect(MANIFEST).toMatch(/<DefaultLocale>fr-FR<\/DefaultLocale>/);
    expect(MANIFEST).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1.4"\/>/);
  });

  it('rejects an element the schema does not allow', () => {
    const check = variant((xml) => xml.replace('<Permissions>', '<Inconnu/><Permissions>'));
    expect(check.ok).toBe(false);
    expect(check.errors.join('\n')).toMatch(/ne respecte pas le schéma/);
  });

  it('rejects an http address, an undefined resid and an icon of the wrong size, in French', () => {
    const check = variant((xml) =>
      xml
        .replace('<SourceLocation DefaultValue="https://', '<SourceLocation DefaultValue="http://')
        .replace('<Label resid="Group.Label"/>', '<Label resid="Groupe.Inconnu"/>')
        .replace('assets/icon-64.png', 'assets/icon-80.png'),
    );
    expect(check.ok).toBe(false);
    expect(check.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Adresse non sécurisée \(https exigé\) : http:\/\/localhost:3000\/taskpane.html$/),
        expect.stringMatching(/« Groupe.Inconnu »/),
        expect.stringMatching(/80×80 px au lieu de 64×64 px/),
      ]),
    );
  });

  it('rejects an icon missing from assets/', () => {
    const check = variant((xml) => xml.replace('assets/icon-16.png', 'assets/absente.png'));
    expect(check.errors).toEqual(expect.arrayContaining([expect.stringMatching(/assets\/absente.png absent du dossier assets\//)]));
  });
});

describe('icons', () => {
  it.each(ICON_SIZES)('assets/icon-%i.png is the drawing script output, at its size', (size) => {
    const committed = PNG.sync.read(readFileSync(join(ROOT, 'assets', `icon-${size}.png`)));
    const drawn = drawIcon(size);
    expect([committed.width, committed.height]).toEqual([size, size]);
    expect(Buffer.compare(committed.data, drawn.data)).toBe(0);
  });
});
