import { useState, type ReactNode } from 'react';
import {
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ActionProposal, Priority } from '../../domain/model';
import type { FicheContent } from '../../workbook/fiche';
import { FICHE_SHEET, ficheSheetMessage } from '../../workbook/ficheSheet';
import type { FicheSheetReport, ReadResult, WorkbookProblem } from '../../workbook/port';
import type { PlanUpdateReport } from '../../workbook/session';
import { SHEETS } from '../../workbook/sheets';
import { count, planCounts } from '../text';
import { Section } from '../Section';
import { FicheDialog } from '../fiche/FicheDialog';

const PRIORITIES: { priority: Priority; title: string; color: 'danger' | 'warning' | 'brand' | 'informative' }[] = [
  { priority: 1, title: 'Priorité 1 – traçabilité sanitaire', color: 'danger' },
  { priority: 2, title: 'Priorité 2 – interopérabilité, IUD, équipements', color: 'warning' },
  { priority: 3, title: 'Priorité 3 – flux financiers et ville', color: 'brand' },
  { priority: 4, title: 'Priorité 4 – confort', color: 'informative' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  action: { fontWeight: tokens.fontWeightSemibold },
  detail: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  term: { fontWeight: tokens.fontWeightSemibold },
});

export interface PlanTabProps {
  proposals: ActionProposal[];
  onUpdatePlan: () => Promise<PlanUpdateReport>;
  /** The fiche de synthèse, with the plan's open actions as the workbook holds them. */
  onFiche: () => Promise<FicheContent | null>;
  /** Writes the print-ready fiche sheet into the workbook. */
  onFicheSheet?: () => Promise<ReadResult<FicheSheetReport>>;
  disabled?: boolean;
}

/** « Plan d'action »: the proposals by priority, one button that writes the plan sheet, one that shows the fiche de synthèse. */
export function PlanTab({ proposals, onUpdatePlan, onFiche, onFicheSheet, disabled }: PlanTabProps) {
  const styles = useStyles();
  const [report, setReport] = useState<PlanUpdateReport | null>(null);
  const [sheetReport, setSheetReport] = useState<ReadResult<FicheSheetReport> | null>(null);
  const [running, setRunning] = useState(false);

  async function writeSheet() {
    if (!onFicheSheet) return;
    setRunning(true);
    try {
      setSheetReport(await onFicheSheet());
    } finally {
      setRunning(false);
    }
  }

  async function update() {
    setRunning(true);
    try {
      setReport(await onUpdatePlan());
    } finally {
      setRunning(false);
    }
  }

  return (
    <div className={styles.root}>
      <Button appearance="primary" onClick={update} disabled={disabled || running}>
        Mettre à jour la feuille « {SHEETS.plan} »
      </Button>
      <FicheDialog load={onFiche} disabled={disabled} />
      {onFicheSheet && (
        <Button onClick={writeSheet} disabled={disabled || running}>
          Écrire la feuille « {FICHE_SHEET} » (à imprimer depuis Excel)
        </Button>
      )}
      <div aria-live="polite">
        <CommandOutcome result={sheetReport} done="Fiche écrite" failed="La fiche n’a pas été écrite" multiline>
          {(written) => <>{ficheSheetMessage(written.value)} Fichier › Exporter › PDF l’enregistre telle qu’imprimée.</>}
        </CommandOutcome>
        <CommandOutcome result={report} done="Plan mis à jour" failed="Le plan n’a pas été écrit">
          {(updated) => <>{planCounts(updated.added, updated.kept, updated.marked)} ({count(updated.total, 'ligne')} dans la feuille).</>}
        </CommandOutcome>
      </div>
      {proposals.length === 0 && <Caption1>Aucune action proposée pour l’instant.</Caption1>}
      {PRIORITIES.map(({ priority, title, color }) => {
        const group = proposals.filter((p) => p.priority === priority).sort((a, b) => a.order - b.order);
        if (group.length === 0) return null;
        return (
          <Section
            key={priority}
            title={
              <>
                {title}
                <Badge appearance="filled" color={color}>
                  {group.length}
                </Badge>
              </>
            }
          >
            <ul className={styles.list}>
              {group.map((p) => (
                <li key={p.ref} className={styles.card}>
                  <span className={styles.action}>{p.action}</span>
                  <span className={styles.detail}>
                    <span className={styles.term}>Constat : </span>
                    {p.finding}
                  </span>
                  <span className={styles.detail}>
                    <span className={styles.term}>Zone / étape : </span>
                    {p.scope} · <span className={styles.term}>Acteurs : </span>
                    {p.actors}
                  </span>
                </li>
              ))}
            </ul>
          </Section>
        );
      })}
    </div>
  );
}

type Outcome = { ok: true } | { ok: false; problems: WorkbookProblem[] };

interface CommandOutcomeProps<T extends Outcome> {
  result: T | null;
  done: string;
  failed: string;
  multiline?: boolean;
  children: (value: Extract<T, { ok: true }>) => ReactNode;
}

/** What a command of this tab gave: its success message, or the problems that stopped it. */
function CommandOutcome<T extends Outcome>({ result, done, failed, multiline, children }: CommandOutcomeProps<T>) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{failed}</MessageBarTitle>
          {result.problems.map((p) => p.message).join(' ')}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="success" layout={multiline ? 'multiline' : undefined}>
      <MessageBarBody>
        <MessageBarTitle>{done}</MessageBarTitle>
        {children(result as Extract<T, { ok: true }>)}
      </MessageBarBody>
    </MessageBar>
  );
}
