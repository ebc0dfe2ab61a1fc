import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FicheContent } from '../../workbook/fiche';
import { FicheView } from './FicheView';

const PRINT_CLASS = 'resomedit-fiche-print';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(96vw, 820px)' },
  content: { ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});

/** Only the fiche is printed: everything else on the page is hidden while printing. */
const PRINT_CSS = `@media print { body * { visibility: hidden !important; } .${PRINT_CLASS}, .${PRINT_CLASS} * { visibility: visible !important; } .${PRINT_CLASS} { position: absolute; inset: 0; } @page { size: A4 portrait; margin: 12mm; } }`;

/** « Fiche de synthèse »: the one-page fiche for the direction, read from the workbook when opened, printable from the browser. */
export function FicheDialog({ load, disabled }: { load: () => Promise<FicheContent | null>; disabled?: boolean }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState<FicheContent | null>(null);

  async function show() {
    setContent(null);
    setOpen(true);
    setContent(await load());
  }

  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <Button onClick={show} disabled={disabled}>
        Fiche de synthèse (une page)
      </Button>
      <DialogSurface className={styles.surface}>
        <style>{PRINT_CSS}</style>
        <DialogBody>
          <DialogTitle>Fiche de synthèse pour la direction</DialogTitle>
          {/* The fiche has nothing focusable and is taller than most windows: its scrolling content is a tab stop of its own. */}
          <DialogContent className={mergeClasses(PRINT_CLASS, styles.content)} tabIndex={0} role="region" aria-label="Contenu de la fiche de synthèse">
            {content ? <FicheView content={content} /> : <Spinner label="Lecture du plan d’action…" />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => window.print()} disabled={!content}>
              Imprimer ou enregistrer en PDF
            </Button>
            <Button onClick={() => setOpen(false)}>Fermer</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
