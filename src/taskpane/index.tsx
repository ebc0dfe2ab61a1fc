/** Entry point inside Excel: Office.js (loaded by taskpane.html) gives the workbook port, then the pane runs the live analysis. */
import { bootOffice } from '../adapters/office/boot';
import { mount } from './mount';
import { REMEDIES } from './ProblemView';
import { startPane } from './start';
import { StartupProblem } from './StartupProblem';

async function main(): Promise<void> {
  const booted = await bootOffice();
  if (!booted.ok) {
    mount(<StartupProblem message={booted.problem.message} remedy={REMEDIES[booted.problem.code]} />);
    return;
  }
  await startPane(booted.port);
}

void main();
