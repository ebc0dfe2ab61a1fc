import { useState } from 'react';
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { InitReport } from '../../workbook/port';
import { SHEETS } from '../../workbook/sheets';
import { Section } from '../Section';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { alignItems: 'flex-start' },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface WorkbookTabProps {
  onInitialise: () => Promise<InitReport>;
  onLoadDemo: () => Promise<void>;
  hasAnswers: () => Promise<boolean>;
  /** What the host cannot do, in French. */
  notes: string[];
  disabled?: boolean;
}

type Outcome = { intent: 'success' | 'error'; text: string };

function describeInit(report: InitReport): string {
  if (report.created.length === 0) return 'Le classeur contient déjà toutes les feuilles RESOMEDIT : rien n’a été modifié.';
  const created = `Feuilles créées : ${report.created.join(', ')}.`;
  return report.existing.length === 0 ? created : `${created} Feuilles déjà présentes, laissées telles quelles : ${report.existing.join(', ')}.`;
}

/** « Classeur »: create the missing sheets, fill the fictitious demo establishment. */
export function WorkbookTab({ onInitialise, onLoadDemo, hasAnswers, notes, disabled }: WorkbookTabProps) {
  const styles = useStyles();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [running, setRunning] = useState(false);

  async function run(task: () => Promise<string>) {
    setRunning(true);
    try {
      setOutcome({ intent: 'success', text: await task() });
    } catch (error) {
      setOutcome({ intent: 'error', text: `L’opération a échoué : ${(error as Error).message}` });
    } finally {
      setRunning(false);
    }
  }

  const initialise = () => run(async () => describeInit(await onInitialise()));
  const loadDemo = () =>
    run(async () => {
      await onLoadDemo();
      return 'L’établissement de démonstration (fictif) a été chargé dans la cartographie.';
    });

  async function askDemo() {
    if (await hasAnswers()) setConfirming(true);
    else await loadDemo();
  }

  const busy = disabled || running;
  return (
    <div className={styles.root}>
      <Section className={styles.section} title="Initialiser le classeur">
        <Caption1>
          Crée les feuilles RESOMEDIT absentes (« {SHEETS.notice} », « {SHEETS.cartographie} », « {SHEETS.plan} »…). Une feuille
          existante n’est jamais modifiée.
        </Caption1>
        <Button appearance="primary" onClick={initialise} disabled={busy}>
          Initialiser / compléter le classeur
        </Button>
      </Section>

      <Section className={styles.section} title="Établissement de démonstration">
        <Caption1>Remplit la cartographie avec les réponses d’un établissement fictif, pour les webinaires.</Caption1>
        <Button onClick={askDemo} disabled={busy}>
          Charger l’établissement de démonstration
        </Button>
      </Section>

      <div aria-live="polite">
        {outcome && (
          <MessageBar intent={outcome.intent} layout="multiline">
            <MessageBarBody>{outcome.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>

      {notes.length > 0 && (
        <Section className={styles.section} title="Limites de cet environnement">
          <ul className={styles.notes}>
            {notes.map((note) => (
              <li key={note}>
                <Caption1>{note}</Caption1>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Dialog open={confirming} onOpenChange={(_, data) => setConfirming(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remplacer les réponses existantes ?</DialogTitle>
            <DialogContent>
              La cartographie contient déjà des réponses. Charger l’établissement de démonstration remplacera les réponses et les
              commentaires de la feuille « {SHEETS.cartographie} ».
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  void loadDemo();
                }}
              >
                Remplacer par la démonstration
              </Button>
              <Button onClick={() => setConfirming(false)}>Annuler</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
