/** Excel tables of a sheet, which exceljs keeps in an untyped map; the model is what it writes. */
import type { Workbook, Worksheet } from 'exceljs';
import { parseAddress } from '../../workbook/grid';
import { findSheet } from '../../workbook/names';

export interface TableModel {
  name: string;
  /** "A4:M30", header row included. */
  tableRef: string;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string }[];
}

function tablesOf(sheet: Worksheet): Record<string, { model: TableModel }> {
  return (sheet as unknown as { tables: Record<string, { model: TableModel }> }).tables;
}

/** Names of every table of the workbook (they must be unique across sheets). */
export function tableNames(workbook: Workbook): string[] {
  return workbook.worksheets.flatMap((sheet) => Object.keys(tablesOf(sheet)));
}

/** The table called `name` (tolerantly) on a sheet. */
export function findTable(sheet: Worksheet, name: string): TableModel | undefined {
  const tables = tablesOf(sheet);
  const found = findSheet(Object.keys(tables), name);
  return found === undefined ? undefined : tables[found].model;
}

/** 1-based sheet row of a table's header. */
export function tableHeaderRow(table: TableModel): number {
  return parseAddress(table.tableRef.split(':')[0]).row;
}

/**
 * LibreOffice writes tables without a style; exceljs then fails on save ("reading 'theme'").
 * Such a table gets the explicit "no style" Excel itself gives it, so the file saves unchanged.
 */
export function prepareTablesForSave(workbook: Workbook): void {
  for (const sheet of workbook.worksheets) {
    for (const { model } of Object.values(tablesOf(sheet))) {
      const styled = model as TableModel & { style?: object | null };
      if (!styled.style) styled.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
    }
  }
}
