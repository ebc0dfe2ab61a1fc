/** The whole analysis of a cartographie: evaluated rows, findings, figures and proposed actions. */
import { ProposalMemory, proposeActions } from './actions/rules';
import { Assessor, assess } from './assess';
import type { ActionProposal, Analysis, Assessment, Cartographie } from './model';

export { formatRate } from './format';

export function analyse(cartographie: Cartographie): Analysis {
  const assessment = assess(cartographie);
  return withProposals(assessment, proposeActions(assessment.rows, assessment.figures));
}

/** Field by field: spreading an object into a literal takes V8's slow path. */
function withProposals({ cartographie, rows, findings, figures }: Assessment, proposals: ActionProposal[]): Analysis {
  return { cartographie, rows, findings, figures, proposals };
}

/**
 * Proposes the actions of the successive assessments of one cartographie: what the last proposals
 * were made of is reused where it did not change.
 */
export class Proposer {
  private readonly memory = new ProposalMemory();

  propose(assessment: Assessment): Analysis {
    return withProposals(assessment, proposeActions(assessment.rows, assessment.figures, this.memory));
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
