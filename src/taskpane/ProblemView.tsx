import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookProblem } from '../workbook/port';

/** What the user can do about each kind of problem. */
export const REMEDIES: Record<WorkbookProblem['code'], string> = {
  'sheet-missing': 'Initialisez le classeur pour créer les feuilles manquantes, ou redonnez son nom à la feuille renommée.',
  'table-missing': 'Initialisez le classeur ou vérifiez que le tableau de la cartographie n’a pas été supprimé.',
  'column-missing': 'Rétablissez l’en-tête de colonne indiqué (les libellés sont reconnus sans tenir compte des majuscules ni des accents).',
  unsupported:
    'Mettez Excel à jour (Microsoft 365 sous Windows ou Mac) ou ouvrez le classeur dans Excel sur le web, puis rouvrez le complément.',
  protected: 'Ôtez la protection de la feuille (Révision › Ôter la protection de la feuille), puis réessayez.',
  unreadable: 'Vérifiez le contenu de la feuille indiquée, puis réessayez.',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  remedy: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

export interface ProblemViewProps {
  problems: WorkbookProblem[];
  /** Offered when creating the missing sheets would solve the problem. */
  onInitialise?: () => void;
  onRetry?: () => void;
}

/** Problems that keep the pane from analysing the workbook, each with what to do. */
export function ProblemView({ problems, onInitialise, onRetry }: ProblemViewProps) {
  const styles = useStyles();
  const canInitialise = problems.some((p) => p.code === 'sheet-missing' || p.code === 'table-missing');
  return (
    <div className={styles.root} role="alert">
      {problems.map((problem, index) => (
        <MessageBar key={`${problem.code}-${index}`} intent={problem.code === 'sheet-missing' ? 'warning' : 'error'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {problem.code === 'sheet-missing' ? 'Feuille introuvable' : 'Classeur non lisible par le complément'}
            </MessageBarTitle>
            {problem.message}
            <span className={styles.remedy}>{REMEDIES[problem.code]}</span>
          </MessageBarBody>
          {index === 0 && (onInitialise || onRetry) && (
            <MessageBarActions>
              {canInitialise && onInitialise && <Button appearance="primary" onClick={onInitialise}>Initialiser le classeur</Button>}
              {onRetry && <Button onClick={onRetry}>Réessayer</Button>}
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </div>
  );
}
