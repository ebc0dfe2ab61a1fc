import { makeStyles, tokens } from '@fluentui/react-components';
import type { MemoryWorkbook } from '../adapters/memory/workbook';
import { cellAddress } from '../workbook/grid';

const COLOURS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000'];
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

const useStyles = makeStyles({
  figure: {
    margin: 0,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
  },
  caption: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  legend: { display: 'flex', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginInlineEnd: '4px' },
  category: { display: 'grid', gridTemplateColumns: '14em 1fr', alignItems: 'center', gap: tokens.spacingHorizontalS },
  bars: { display: 'flex', flexDirection: 'column', gap: '1px' },
  bar: { height: '8px' },
});

/** The sheet's native chart as Excel would draw it, from the cells it reads (the Synthèse's rates by zone). */
export function SheetChart({ workbook, sheet }: { workbook: MemoryWorkbook; sheet: string }) {
  const styles = useStyles();
  const chart = workbook.sheet(sheet)?.chart;
  if (!chart) return null;
  const value = (row: number, col: number) => workbook.getCell(sheet, cellAddress(row + 1, col + 1))?.value ?? null;
  const categories = Array.from({ length: chart.rowCount }, (_, i) => chart.firstRow + i);
  return (
    <figure className={styles.figure} aria-label={`Graphique : ${chart.title}`}>
      <figcaption className={styles.caption}>{chart.title}</figcaption>
      <div className={styles.legend} aria-hidden>
        {chart.series.map((series, s) => (
          <span key={series.name}>
            <span className={styles.swatch} style={{ backgroundColor: COLOURS[s % COLOURS.length] }} />
            {series.name}
          </span>
        ))}
      </div>
      {categories.map((row) => (
        <div key={row} className={styles.category}>
          <span>{String(value(row, chart.categoryCol) ?? '')}</span>
          <span className={styles.bars}>
            {chart.series.map((series, s) => {
              const v = value(row, series.col);
              const rate = typeof v === 'number' ? v : null;
              return (
                <span
                  key={series.name}
                  className={styles.bar}
                  title={`${series.name} : ${rate === null ? 'non évaluable' : percent.format(rate)}`}
                  style={{ width: `${(rate ?? 0) * 100}%`, backgroundColor: COLOURS[s % COLOURS.length] }}
                />
              );
            })}
          </span>
        </div>
      ))}
    </figure>
  );
}
