/** Entry point inside Excel: Office.js (loaded by taskpane.html) gives the workbook port, then the pane runs the live analysis. */
import { bootOffice } from '../adapters/office/boot';
import { AnalysisSession } from '../workbook/session';
import { mount } from './mount';
import { Pane } from './Pane';
import { REMEDIES } from './ProblemView';
import { StartupProblem } from './StartupProblem';

async function main(): Promise<void> {
  const booted = await bootOffice();
  if (!booted.ok) {
    mount(<StartupProblem message={booted.problem.message} remedy={REMEDIES[booted.problem.code]} />);
    return;
  }
  const session = new AnalysisSession(booted.port);
  mount(<Pane session={session} port={booted.port} />);
  await session.start();
}

void main();
