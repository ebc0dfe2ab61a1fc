/**
 * HyperFormula in a worker thread that Node runs itself, outside Jest's module sandbox: there it
 * recalculates about three times faster than when Jest loads it. Started by formulaOracle.ts
 * (oracleThread), which waits for each answer.
 *
 * A job: sheets to build, then steps; each step types its edits in one batch (as a user retyping
 * the answers) and reads the `read` cells: their values, or the error code ("#N/A").
 */
const { workerData, parentPort } = require('node:worker_threads');
const { DetailedCellError, HyperFormula } = require('hyperformula');

const { config, port } = workerData;

function run({ sheets, steps, read }) {
  const hf = HyperFormula.buildFromSheets(sheets, config);
  const ids = new Map(Object.keys(sheets).map((name) => [name, hf.getSheetId(name)]));
  const address = ({ sheet, row, col }) => ({ sheet: ids.get(sheet), row, col });
  try {
    return steps.map((edits) => {
      if (edits.length > 0) hf.batch(() => edits.forEach((edit) => hf.setCellContents(address(edit), edit.content)));
      return read.map((cell) => {
        const value = hf.getCellValue(address(cell));
        return value instanceof DetailedCellError ? value.value : value;
      });
    });
  } finally {
    hf.destroy();
  }
}

parentPort.on('message', ({ job, done }) => {
  let reply;
  try {
    reply = { values: run(job) };
  } catch (error) {
    // Rethrown by the test that sent the job.
    reply = { error: error instanceof Error ? error.stack : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
