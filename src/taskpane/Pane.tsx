import { Suspense, lazy, useState, type ReactNode } from 'react';
import { FluentProvider, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookPort } from '../workbook/port';
import type { AnalysisSession } from '../workbook/session';
import { useAfterFirstPaint } from './afterFirstPaint';
import { DashboardTab } from './dashboard/DashboardTab';
import type { TabId } from './PaneTabs';
import { paneTheme, presentationTheme } from './theme';
import { useSessionView } from './useSessionView';

// The first chunk holds what the first figures need: the frame, the session and the dashboard.
// The tab bar (with Fluent's tabs and tabster) follows right after in a chunk of its own, and every
// other tab (with the Fluent components only it uses) when it is first opened.
const PaneTabs = lazy(() => import(/* webpackChunkName: "pane-tabs" */ './PaneTabs'));
const PresentationSwitch = lazy(() => import(/* webpackChunkName: "pane-tabs" */ './PresentationSwitch'));
const RefreshButton = lazy(() => import(/* webpackChunkName: "pane-tabs" */ './RefreshButton'));
const ControlsTab = lazy(() => import(/* webpackChunkName: "tab-controls" */ './controls/ControlsTab').then((m) => ({ default: m.ControlsTab })));
const PlanTab = lazy(() => import(/* webpackChunkName: "tab-plan" */ './plan/PlanTab').then((m) => ({ default: m.PlanTab })));
const WorkbookTab = lazy(() => import(/* webpackChunkName: "tab-workbook" */ './workbook/WorkbookTab').then((m) => ({ default: m.WorkbookTab })));
const IudTab = lazy(() => import(/* webpackChunkName: "tab-iud" */ './iud/IudTab'));
// Messages (errors, the Synthèse drift, a workbook to initialise) are not part of the first figures either.
const PaneNotice = lazy(() => import(/* webpackChunkName: "pane-notice" */ './PaneNotice'));
const ProblemView = lazy(() => import(/* webpackChunkName: "pane-notice" */ './ProblemView').then((m) => ({ default: m.ProblemView })));

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
  /**
   * Holds the tab bar's place while it loads, so the figures do not move when it arrives: its five
   * small tabs, 519 px wide in all, take two rows of 32 px in a narrower pane, three below 285 px.
   */
  tabsPlaceholder: {
    minHeight: '96px',
    '@media (min-width: 309px)': { minHeight: '64px' },
    '@media (min-width: 543px)': { minHeight: '32px' },
  },
  /** The sizes of the « Mode présentation » switch and of the small « Actualiser » button, so the header wraps as it will. */
  switchPlaceholder: { width: '199px', height: '36px' },
  refreshPlaceholder: { width: '78px', height: '24px' },
  footer: { position: 'sticky', bottom: 0, boxShadow: tokens.shadow8, borderRadius: tokens.borderRadiusMedium },
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
  const proposals = state.analysis?.proposals;
  const [tab, setTab] = useState<TabId>(initialTab);
  const [presentation, setPresentation] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  // The tab bar and the header's buttons come once the first figures are painted.
  const painted = useAfterFirstPaint();

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
        <PaneNotice intent="error" action={{ label: 'Réessayer', onClick: () => act(() => session.refresh()) }}>
          Le classeur n’a pas pu être analysé : {state.error}
        </PaneNotice>
      );
    return <Spinner label="Lecture du classeur…" />;
  }

  function content(): ReactNode {
    switch (tab) {
      case 'dashboard':
        return needsAnalysis((a) => (
          <DashboardTab
            analysis={a}
            presentation={presentation}
            onSelect={(target) => act(() => session.select(target))}
            comparison={state.comparison}
            onCompare={(previous) => session.compareWith(previous)}
            onWriteSynthesis={() => session.regenerateSynthesis()}
          />
        ));
      case 'controls':
        return needsAnalysis((a) => <ControlsTab findings={a.findings} onSelect={(finding) => act(() => session.select(finding))} />);
      case 'plan':
        // The proposals follow the first figures by a moment (their code loads after them).
        return needsAnalysis(() =>
          proposals ? (
            <PlanTab proposals={proposals} onUpdatePlan={() => session.updatePlan()} onFiche={() => session.fiche()} onFicheSheet={() => session.writeFicheSheet()} disabled={blocked} />
          ) : (
            <Spinner label="Chargement de l’onglet…" />
          ),
        );
      case 'workbook':
        return (
          <WorkbookTab
            onInitialise={() => session.initialise()}
            onLoadDemo={() => session.loadDemo()}
            onNewCampaign={() => session.startNewCampaign()}
            host={state.capabilities.host}
            hasAnswers={() => port.hasAnswers()}
            notes={state.capabilities.notes}
            disabled={blocked}
          />
        );
      case 'iud':
        return <IudTab />;
    }
  }

  return (
    <FluentProvider theme={presentation ? presentationTheme() : paneTheme} className={styles.root} data-presentation={presentation}>
      <header className={styles.header}>
        <h1 className={styles.title}>Cartographie DMI – RESOMEDIT</h1>
        <Suspense fallback={<div className={styles.switchPlaceholder} />}>
          {painted ? <PresentationSwitch checked={presentation} onChange={setPresentation} /> : <div className={styles.switchPlaceholder} />}
        </Suspense>
        <Suspense fallback={<div className={styles.refreshPlaceholder} />}>
          {painted ? <RefreshButton onClick={() => act(() => session.refresh())} disabled={blocked} /> : <div className={styles.refreshPlaceholder} />}
        </Suspense>
      </header>
      <div className={styles.status} aria-live="polite" data-recomputations={state.recomputations}>
        {state.busy ? <Spinner size="extra-tiny" label={state.busy} /> : <Text size={200}>{describeFreshness(state.recomputations)}</Text>}
      </div>
      <Suspense fallback={null}>
        {(actionError || (state.error && analysis)) && <PaneNotice intent="error">{actionError ?? `Dernière mise à jour impossible : ${state.error}`}</PaneNotice>}
        {state.status === 'ready' && state.problems.length > 0 && <PaneNotice intent="warning">{state.problems.map((p) => p.message).join(' ')}</PaneNotice>}
      </Suspense>
      <Suspense fallback={<div className={styles.tabsPlaceholder} />}>
        {painted ? <PaneTabs selected={tab} onSelect={setTab} alerts={alerts} /> : <div className={styles.tabsPlaceholder} />}
      </Suspense>
      <div id="pane-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} className={styles.panel}>
        <Suspense fallback={<Spinner label="Chargement de l’onglet…" />}>{content()}</Suspense>
      </div>
      {/* Found after the first figures are painted: kept in view at the bottom rather than pushing them down. */}
      <Suspense fallback={null}>
        {state.drift && (
          <div className={styles.footer}>
            <PaneNotice
              intent="warning"
              testId="synthesis-drift"
              action={{ label: 'Régénérer la Synthèse', disabled: blocked, onClick: () => act(() => session.regenerateSynthesis()) }}
            >
              {state.drift.message}
            </PaneNotice>
          </div>
        )}
      </Suspense>
    </FluentProvider>
  );
}

function describeFreshness(recomputations: number): string {
  return recomputations === 0 ? 'En attente de la première analyse' : 'Analyse à jour';
}
