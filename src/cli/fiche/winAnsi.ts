/** Text for the PDF's standard Helvetica fonts, which need no font file and cover French (WinAnsi encoding). */

/** Characters outside WinAnsi, replaced by the nearest it has. */
const WIN_ANSI: Record<string, string> = { '\u202F': '\u00A0', '→': '›', '←': '‹', '≥': '>=', '≤': '<=', '▲': '+', '▼': '-', '✓': 'v', '−': '-' };

export function winAnsi(text: string): string {
  return text.replace(/[^\n\t\x20-\x7E\xA0-\xFF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, (c) => WIN_ANSI[c] ?? '?');
}

export const REGULAR = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
