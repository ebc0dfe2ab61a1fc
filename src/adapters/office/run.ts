/**
 * How the adapter runs Office.js batches: `Excel.run` with its options, or inside the request
 * context of an earlier batch (an event handler is removed in the context it was added in).
 */

/** `Excel.run(options, batch)` and `Excel.run(context, batch)`. */
export type ExcelRun = <T>(
  optionsOrContext: Excel.RunOptions | Excel.RequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** Excel.run itself, for the add-in running inside Excel. */
export const excelRun: ExcelRun = (optionsOrContext, batch) =>
  Excel.run(optionsOrContext as Excel.RunOptions, batch);
