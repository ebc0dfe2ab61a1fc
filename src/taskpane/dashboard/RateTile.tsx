import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatRate } from '../../domain/format';
import type { Rate } from '../../domain/model';
import { ratio } from '../text';

const useStyles = makeStyles({
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  unknown: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightHero700, color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  alert: { color: tokens.colorPaletteRedForeground1 },
  terms: { color: tokens.colorNeutralForeground3 },
});

export interface RateTileProps {
  label: string;
  rate: Rate;
  /** What the terms count, plural, e.g. "liaisons". */
  unit: string;
  /** Highlights a bad rate (points de rupture). */
  alertWhenAbove?: number;
  testId?: string;
}

/** One headline rate with its terms; a zero denominator reads "non évaluable". */
export function RateTile({ label, rate, unit, alertWhenAbove, testId }: RateTileProps) {
  const styles = useStyles();
  const alert = alertWhenAbove !== undefined && rate.value !== null && rate.value > alertWhenAbove;
  return (
    <div className={styles.tile} data-testid={testId}>
      <span className={styles.label}>{label}</span>
      <span className={mergeClasses(rate.value === null ? styles.unknown : styles.value, alert && styles.alert)}>
        {formatRate(rate)}
      </span>
      <Caption1 className={styles.terms}>
        {rate.denominator === 0 ? 'aucune réponse prise en compte' : `${ratio(rate.numerator, rate.denominator)} ${unit}`}
      </Caption1>
    </div>
  );
}
