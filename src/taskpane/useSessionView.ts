import { useMemo, useState, useSyncExternalStore } from 'react';
import type { Assessment } from '../domain/model';
import type { AnalysisSession, SessionState } from '../workbook/session';

export interface SessionView {
  state: SessionState;
  /** The latest figures and findings; kept while a recomputation runs so figures never blank out. */
  analysis?: Assessment;
}

/** A store over the session whose snapshot only changes when the session notifies. */
function sessionStore(session: AnalysisSession) {
  let snapshot = session.getState();
  return {
    subscribe(onChange: () => void): () => void {
      const unsubscribe = session.subscribe((state) => {
        snapshot = state;
        onChange();
      });
      const current = session.getState();
      if (current !== snapshot) {
        snapshot = current;
        onChange();
      }
      return unsubscribe;
    },
    getSnapshot: () => snapshot,
  };
}

/** Follows the session's state from React. */
export function useSessionView(session: AnalysisSession): SessionView {
  const store = useMemo(() => sessionStore(session), [session]);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [kept, setKept] = useState<Assessment | undefined>(state.assessment);
  // A structural problem (sheet gone) invalidates the figures; a recomputation or a transient error does not.
  const latest = state.assessment ?? (state.status === 'problem' ? undefined : kept);
  if (latest !== kept) setKept(latest);
  return { state, analysis: latest };
}
