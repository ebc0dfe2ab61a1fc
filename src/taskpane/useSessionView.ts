import { useEffect, useState } from 'react';
import type { Analysis } from '../domain/model';
import type { AnalysisSession, SessionState } from '../workbook/session';

export interface SessionView {
  state: SessionState;
  /** The latest analysis; kept while a recomputation runs so figures never blank out. */
  analysis?: Analysis;
}

function nextView(previous: SessionView | undefined, state: SessionState): SessionView {
  // A structural problem (sheet gone) invalidates the figures; a recomputation or a transient error does not.
  const analysis = state.analysis ?? (state.status === 'problem' ? undefined : previous?.analysis);
  return { state, analysis };
}

/** Follows the session's state from React. */
export function useSessionView(session: AnalysisSession): SessionView {
  const [view, setView] = useState<SessionView>(() => nextView(undefined, session.getState()));
  useEffect(() => {
    setView((previous) => nextView(previous, session.getState()));
    return session.subscribe((state) => setView((previous) => nextView(previous, state)));
  }, [session]);
  return view;
}
