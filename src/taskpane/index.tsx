/** Entry point inside Excel: Office.js (loaded by taskpane.html) gives the workbook port, then the pane runs the live analysis. */
import { bootOffice } from '../adapters/office/boot';
import { mount } from './mount';
import { startPane } from './start';

async function main(): Promise<void> {
  const booted = await bootOffice();
  if (!booted.ok) {
    // Rare: its Fluent components are not worth a place in the first chunk.
    const [{ REMEDIES }, { StartupProblem }] = await Promise.all([import('./ProblemView'), import('./StartupProblem')]);
    mount(<StartupProblem message={booted.problem.message} remedy={REMEDIES[booted.problem.code]} />);
    return;
  }
  await startPane(booted.port);
}

void main();
