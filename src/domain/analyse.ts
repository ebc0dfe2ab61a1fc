/** The whole analysis of a cartographie: evaluated rows, findings, figures and proposed actions. */
import { ProposalMemory, proposeActions } from './actions/rules';
import { Assessor, assess } from './assess';
import type { Analysis, Assessment, Cartographie } from './model';

export { formatRate } from './format';

export function analyse(cartographie: Cartographie): Analysis {
  const assessment = assess(cartographie);
  return { ...assessment, proposals: proposeActions(assessment.rows, assessment.figures) };
}

/**
 * Proposes the actions of the successive assessments of one cartographie: what the last proposals
 * were made of is reused where it did not change.
 */
export class Proposer {
  private readonly memory = new ProposalMemory();

  propose(assessment: Assessment): Analysis {
    return { ...assessment, proposals: proposeActions(assessment.rows, assessment.figures, this.memory) };
  }
}

/**
 * Analyses the successive versions of one cartographie (a sheet being edited): what did not change
 * since the last analysis is taken from it, so that one answer changed costs far less than the
 * whole sheet. Each result equals what `analyse` gives.
 */
export class Analyser {
  private readonly assessor = new Assessor();
  private readonly proposer = new Proposer();

  analyse(cartographie: Cartographie): Analysis {
    return this.proposer.propose(this.assessor.assess(cartographie));
  }
}
