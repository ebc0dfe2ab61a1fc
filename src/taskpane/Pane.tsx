import { Suspense, lazy, useState, type ReactNode } from 'react';
import {
  Badge,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { WorkbookPort } from '../workbook/port';
import type { AnalysisSession } from '../workbook/session';
import { ControlsTab } from './controls/ControlsTab';
import { DashboardTab } from './dashboard/DashboardTab';
import { PlanTab } from './plan/PlanTab';
import { ProblemView } from './ProblemView';
import { paneTheme, presentationTheme } from './theme';
import { useSessionView } from './useSessionView';
import { WorkbookTab } from './workbook/WorkbookTab';

const IudTab = lazy(() => import(/* webpackChunkName: "iud" */ './iud/IudTab'));

export type TabId = 'dashboard' | 'controls' | 'plan' | 'workbook' | 'iud';

const TABS: { id: TabId; label: string }[] = [
  { id: 'dashboard', label: 'Tableau de bord' },
  { id: 'controls', label: 'Contrôles' },
  { id: 'plan', label: 'Plan d’action' },
  { id: 'workbook', label: 'Classeur' },
  { id: 'iud', label: 'Test IUD' },
];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minHeight: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  status: { minHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground2 },
  tabs: { flexWrap: 'wrap' },
  panel: {
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
});

export interface PaneProps {
  session: AnalysisSession;
  port: Pick<WorkbookPort, 'hasAnswers'>;
  initialTab?: TabId;
}

/** The task pane, the same in Excel and in the browser demo. */
export function Pane({ session, port, initialTab = 'dashboard' }: PaneProps) {
  const styles = useStyles();
  const { state, analysis } = useSessionView(session);
  const [tab, setTab] = useState<TabId>(initialTab);
  const [presentation, setPresentation] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  function act(task: () => Promise<unknown>) {
    setActionError(null);
    task().catch((error: unknown) => setActionError(error instanceof Error ? error.message : String(error)));
  }

  const blocked = state.busy !== null;
  const alerts = analysis ? analysis.figures.counts.invalid + analysis.figures.counts.incoherent : 0;

  function needsAnalysis(render: (a: NonNullable<typeof analysis>) => ReactNode): ReactNode {
    if (analysis && state.status !== 'problem') return render(analysis);
    if (state.status === 'problem')
      return <ProblemView problems={state.problems} onInitialise={() => act(() => session.initialise())} onRetry={() => act(() => session.refresh())} />;
    if (state.status === 'error')
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>Le classeur n’a pas pu être analysé : {state.error}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => act(() => session.refresh())}>Réessayer</Button>
          </MessageBarActions>
        </MessageBar>
      );
    return <Spinner label="Lecture du classeur…" />;
  }

  function content(): ReactNode {
    switch (tab) {
      case 'dashboard':
        return needsAnalysis((a) => <DashboardTab analysis={a} />);
      case 'controls':
        return needsAnalysis((a) => <ControlsTab findings={a.findings} onSelect={(finding) => act(() => session.select(finding))} />);
      case 'plan':
        return needsAnalysis((a) => <PlanTab proposals={a.proposals} onUpdatePlan={() => session.updatePlan()} disabled={blocked} />);
      case 'workbook':
        return (
          <WorkbookTab
            onInitialise={() => session.initialise()}
            onLoadDemo={() => session.loadDemo()}
            hasAnswers={() => port.hasAnswers()}
            notes={state.capabilities.notes}
            disabled={blocked}
          />
        );
      case 'iud':
        return (
          <Suspense fallback={<Spinner label="Chargement du banc de test IUD…" />}>
            <IudTab />
          </Suspense>
        );
    }
  }

  return (
    <FluentProvider theme={presentation ? presentationTheme : paneTheme} className={styles.root} data-presentation={presentation}>
      <header className={styles.header}>
        <h1 className={styles.title}>Cartographie DMI – RESOMEDIT</h1>
        <Switch label="Mode présentation" checked={presentation} onChange={(_, data) => setPresentation(data.checked)} />
      </header>
      <div className={styles.status} aria-live="polite" data-recomputations={state.recomputations}>
        {state.busy ? <Spinner size="extra-tiny" label={state.busy} /> : <Text size={200}>{describeFreshness(state.recomputations)}</Text>}
      </div>
      {(actionError || (state.error && analysis)) && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{actionError ?? `Dernière mise à jour impossible : ${state.error}`}</MessageBarBody>
        </MessageBar>
      )}
      {state.drift && (
        <MessageBar intent="warning" layout="multiline" data-testid="synthesis-drift">
          <MessageBarBody>{state.drift.message}</MessageBarBody>
          <MessageBarActions>
            <Button disabled={blocked} onClick={() => act(() => session.regenerateSynthesis())}>
              Régénérer la Synthèse
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'ready' && state.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{state.problems.map((p) => p.message).join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value as TabId)}
        size="small"
        aria-label="Sections du volet"
      >
        {TABS.map(({ id, label }) => (
          <Tab key={id} value={id} id={`tab-${id}`} aria-controls="pane-panel">
            {label}
            {id === 'controls' && alerts > 0 && (
              <Badge size="small" color="danger" appearance="filled" style={{ marginInlineStart: 4 }}>
                {alerts}
              </Badge>
            )}
          </Tab>
        ))}
      </TabList>
      <div id="pane-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        {content()}
      </div>
    </FluentProvider>
  );
}

function describeFreshness(recomputations: number): string {
  return recomputations === 0 ? 'En attente de la première analyse' : 'Analyse à jour';
}
