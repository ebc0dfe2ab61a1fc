import { useEffect, useState } from 'react';

/** Set once the pane has been painted: from then on nothing waits. */
let painted = false;

/**
 * False until the browser has painted the pane once (a frame, then the task after it), then true.
 * What the first figures do not need (the tab bar, the header's buttons, the map) renders from then
 * on, so that the first render neither loads their code nor spends time on it.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(painted);
  useEffect(() => {
    if (ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        painted = true;
        setReady(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}
