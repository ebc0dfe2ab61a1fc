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
import type { Capabilities, InitReport } from '../../workbook/port';
import type { NewCampaignReport } from '../../workbook/session';
import { count } from '../text';
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
  /** « Nouvelle campagne » in the open workbook. */
  onNewCampaign?: () => Promise<NewCampaignReport>;
  /** Excel writes in the open file (saved under a new name first); the demo in its workbook, downloaded after. */
  host?: Capabilities['host'];
  /** What the host cannot do, in French. */
  notes: string[];
  disabled?: boolean;
}

function describeNewCampaign(report: NewCampaignReport): Outcome {
  if (!report.ok) return { intent: 'error', text: `Nouvelle campagne impossible : ${report.problems.map((problem) => problem.message).join(' ')}` };
  return {
    intent: 'success',
    text:
      `Campagne ${report.year} ouverte. ${count(report.toReview, 'réponse à revoir', 'réponses à revoir')} : changez une réponse, ou saisissez OK dans la colonne « Confirmée » de la cartographie ; ` +
      `d'ici là, une réponse compte comme elle est écrite. ${count(report.carried, "ligne du plan d'action reprise", "lignes du plan d'action reprises")} avec pilotes, échéances, statuts et commentaires ; ` +
      `${count(report.flagged, 'action réalisée dont le constat est toujours présent', 'actions réalisées dont le constat est toujours présent')}.`,
  };
}

function saveFirst(host: Capabilities['host'] | undefined): string {
  return host === 'memory'
    ? 'Dans la démonstration, la campagne s’ouvre dans le classeur affiché : téléchargez-le ensuite au format .xlsx pour le garder.'
    : 'La campagne s’ouvre dans le classeur ouvert : enregistrez-le d’abord sous un nouveau nom (Fichier › Enregistrer sous), pour garder celui de l’an dernier intact.';
}

type Outcome = { intent: 'success' | 'error'; text: string };

function describeInit(report: InitReport): string {
  if (report.created.length === 0) return 'Le classeur contient déjà toutes les feuilles RESOMEDIT : rien n’a été modifié.';
  const created = `Feuilles créées : ${report.created.join(', ')}.`;
  return report.existing.length === 0 ? created : `${created} Feuilles déjà présentes, laissées telles quelles : ${report.existing.join(', ')}.`;
}

/** « Classeur »: create the missing sheets, fill the fictitious demo establishment. */
export function WorkbookTab({ onInitialise, onLoadDemo, onNewCampaign, host, hasAnswers, notes, disabled }: WorkbookTabProps) {
  const styles = useStyles();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [opening, setOpening] = useState(false);
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

  async function newCampaign() {
    if (!onNewCampaign) return;
    setRunning(true);
    try {
      setOutcome(describeNewCampaign(await onNewCampaign()));
    } catch (error) {
      setOutcome({ intent: 'error', text: `L’opération a échoué : ${(error as Error).message}` });
    } finally {
      setRunning(false);
    }
  }

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

      {onNewCampaign && (
        <Section className={styles.section} title="Nouvelle campagne">
          <Caption1>
            Démarre la campagne de cette année à partir du classeur de l’an dernier : les réponses sont gardées et marquées « à revoir », le plan
            d’action est repris avec vos colonnes.
          </Caption1>
          <Button onClick={() => setOpening(true)} disabled={busy}>
            Nouvelle campagne…
          </Button>
        </Section>
      )}

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

      <Dialog open={opening} onOpenChange={(_, data) => setOpening(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Ouvrir la nouvelle campagne ?</DialogTitle>
            <DialogContent>
              {saveFirst(host)} Les réponses restent en place, la réponse de l’an dernier est recopiée à côté et chaque réponse est « à revoir »
              jusqu’à ce que vous la changiez ou la confirmiez. L’année de campagne est notée sur la notice.
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setOpening(false);
                  void newCampaign();
                }}
              >
                Ouvrir la nouvelle campagne
              </Button>
              <Button onClick={() => setOpening(false)}>Annuler</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

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
