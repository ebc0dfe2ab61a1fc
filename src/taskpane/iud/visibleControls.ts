/** Names of the control characters scanners send inside GS1 / ISO 15434 data. */
const NAMES: Record<string, string> = { '\u001d': 'GS', '\u001e': 'RS', '\u0004': 'EOT' };

/** Shows invisible control characters, e.g. GS as ⟨GS⟩, so the user sees what the scanner sent. */
export function visibleControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (ch) => `⟨${NAMES[ch] ?? ch.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}⟩`);
}
