/**
 * HyperFormula (GPL-3, dev only) as an independent spreadsheet engine: it evaluates the formulas
 * the add-in wrote into a memory workbook, to compare them with the domain engine's figures.
 */
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { MemoryWorkbook } from '../../src/adapters/memory/workbook';
import { parseAddress } from '../../src/workbook/grid';
import type { LayoutCell } from '../../src/workbook/port';

type Sheet = (string | number | boolean | null)[][];

/**
 * Excel's text comparisons: case-insensitive, accents significant. No date or time formats: no
 * text the add-in writes or the tests type is a date, and HyperFormula would otherwise try every
 * COUNTIFS criterion as one (a third of its time on these sheets).
 */
const CONFIG = { licenseKey: 'gpl-v3', accentSensitive: true, caseSensitive: false, useWildcards: true, matchWholeCell: true, dateFormats: [], timeFormats: [] };

/** The workbook's content as HyperFormula reads it: formulas as written, constants as shown. */
export function sheetsOf(workbook: MemoryWorkbook): Record<string, Sheet> {
  const sheets: Record<string, Sheet> = {};
  for (const data of workbook.toJSON().sheets) {
    const rows: Sheet = [];
    for (const [address, cell] of Object.entries(data.cells)) {
      const { row, column } = parseAddress(address);
      while (rows.length < row) rows.push([]);
      const line = rows[row - 1];
      while (line.length < column) line.push(null);
      line[column - 1] = cell.formula ?? cell.value;
    }
    sheets[data.name] = rows;
  }
  return sheets;
}

export function buildOracle(sheets: Record<string, Sheet>): HyperFormula {
  return HyperFormula.buildFromSheets(sheets, CONFIG);
}

type OracleValue = string | number | boolean | null;

/** A cell of a sheet given by name, 0-based. */
export interface OracleCell {
  sheet: string;
  row: number;
  col: number;
}

/**
 * Sheets evaluated, then for each step its edits typed in one batch and the `read` cells' values
 * computed (values[step][i] for read[i]). The first step usually has no edits: the sheets as built.
 */
export interface OracleJob {
  sheets: Record<string, Sheet>;
  steps: (OracleCell & { content: OracleValue })[][];
  read: OracleCell[];
}

/** Longest wait for one job: only a worker thread that died never answers. */
const JOB_BUDGET_MS = 10 * 60 * 1000;

/**
 * HyperFormula in a worker thread run by Node outside Jest's module sandbox (formulaOracleThread.js),
 * about three times faster there; `evaluate` waits for the thread's answer. Same configuration
 * as buildOracle. The thread starts with the first job; close it when done.
 */
export function oracleThread(): { evaluate: (job: OracleJob) => OracleValue[][]; close: () => Promise<unknown> } {
  let thread: { worker: Worker; replies: MessagePort } | undefined;
  const start = () => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(join(__dirname, 'formulaOracleThread.js'), { workerData: { config: CONFIG, port: port2 }, transferList: [port2] });
    // Answers are read synchronously: the thread never needs to keep Jest running.
    worker.unref();
    return { worker, replies: port1 };
  };
  return {
    evaluate(job) {
      thread ??= start();
      const done = new Int32Array(new SharedArrayBuffer(4));
      thread.worker.postMessage({ job, done });
      if (Atomics.wait(done, 0, 0, JOB_BUDGET_MS) === 'timed-out') throw new Error(`HyperFormula thread: no answer after ${JOB_BUDGET_MS / 1000} s`);
      const reply = receiveMessageOnPort(thread.replies)?.message as { values: OracleValue[][] } | { error: string } | undefined;
      if (!reply) throw new Error('HyperFormula thread: answered nothing');
      if ('error' in reply) throw new Error(`HyperFormula thread: ${reply.error}`);
      return reply.values;
    },
    close: async () => thread?.worker.terminate(),
  };
}

/** What HyperFormula computes for a cell: its value, or the error code ("#N/A"). */
export function oracleValue(hf: HyperFormula, sheet: string, row: number, col: number): OracleValue {
  const value = hf.getCellValue({ sheet: hf.getSheetId(sheet) as number, row, col });
  return value instanceof DetailedCellError ? value.value : value;
}

/** The formula cells whose computed value differs from the engine's (tolerance 1e-9 on numbers). */
export function disagreements(
  compute: (cell: LayoutCell) => string | number | boolean | null,
  cells: LayoutCell[],
): { cell: LayoutCell; expected: unknown; got: unknown }[] {
  const wrong: { cell: LayoutCell; expected: unknown; got: unknown }[] = [];
  for (const cell of cells) {
    if (!cell.formula) continue;
    const got = compute(cell);
    const expected = cell.value === null ? '#N/A' : cell.value;
    const same = typeof expected === 'number' && typeof got === 'number' ? Math.abs(expected - got) < 1e-9 : expected === got;
    if (!same) wrong.push({ cell, expected, got });
  }
  return wrong;
}
