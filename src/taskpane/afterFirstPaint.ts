import { useEffect, useState } from 'react';

/** Resolves once the browser has painted what React rendered so far (a frame, then the task after it). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Set once the pane has been painted: from then on nothing waits. */
let painted = false;

/**
 * False until the browser has painted the pane once, then true. What the first figures do not need
 * (the tab bar, the header's buttons, the map) renders from then on, so that the first render
 * neither loads their code nor spends time on it.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    void afterNextPaint().then(() => {
      painted = true;
      if (mounted) setReady(true);
    });
    return () => {
      mounted = false;
    };
  }, [ready]);
  return ready;
}
