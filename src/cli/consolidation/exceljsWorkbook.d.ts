/**
 * exceljs's workbook class alone: its entry point also loads the streaming reader and writer
 * (unzipper and its dependencies), a third of its loading time, which writing a workbook in memory does not use.
 */
declare module 'exceljs/lib/doc/workbook' {
  import type { Workbook } from 'exceljs';

  const WorkbookClass: typeof Workbook;
  export = WorkbookClass;
}
