import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { padding: tokens.spacingVerticalM },
  remedy: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

/** Shown instead of the pane when the host cannot run it (Excel too old, opened outside Office). */
export function StartupProblem({ message, remedy }: { message: string; remedy: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Le complément RESOMEDIT ne peut pas démarrer.</MessageBarTitle>
          {message}
          <span className={styles.remedy}>{remedy}</span>
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
