/** Real analyses the pane tests render: the demo establishment, and variations of it. */
import { analyse } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import type { Analysis } from '../../src/domain/model';
import { cartographieFromAnswers } from '../support/cartographie';

export function demoAnswerMap(): Record<string, string> {
  return Object.fromEntries(demoAnswers().map((a) => [a.ref, a.answer]));
}

/** The demo establishment's answers, with some replaced (null empties a row). */
export function demoAnalysis(changes: Record<string, string | null> = {}): Analysis {
  const answers = demoAnswerMap();
  for (const [ref, answer] of Object.entries(changes)) {
    if (answer === null) delete answers[ref];
    else answers[ref] = answer;
  }
  return analyse(cartographieFromAnswers(answers));
}

/** A cartographie where nothing is answered yet. */
export function emptyAnalysis(): Analysis {
  return analyse(cartographieFromAnswers({}));
}
