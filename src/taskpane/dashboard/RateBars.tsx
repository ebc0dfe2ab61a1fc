import { makeStyles, tokens } from '@fluentui/react-components';
import { formatRate } from '../../domain/format';
import type { Rate } from '../../domain/model';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  line: { display: 'grid', gridTemplateColumns: '7.5em 1fr 6.5em', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  track: { height: '10px', backgroundColor: tokens.colorNeutralBackground4, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  fill: { height: '100%', transitionProperty: 'width', transitionDuration: tokens.durationNormal },
  unknownTrack: {
    height: '10px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundImage: `repeating-linear-gradient(45deg, ${tokens.colorNeutralStroke2} 0 3px, transparent 3px 7px)`,
  },
  value: { fontSize: tokens.fontSizeBase200, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  unknown: { fontSize: tokens.fontSizeBase200, textAlign: 'end', fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
});

export interface RateBar {
  name: string;
  rate: Rate;
  color: string;
}

/** Horizontal bars with their value written out; the bars themselves are decoration. */
export function RateBars({ bars }: { bars: RateBar[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.group}>
      {bars.map(({ name, rate, color }) => (
        <li key={name} className={styles.line}>
          <span className={styles.name}>{name}</span>
          {rate.value === null ? (
            <span className={styles.unknownTrack} aria-hidden />
          ) : (
            <span className={styles.track} aria-hidden>
              <span className={styles.fill} style={{ width: `${rate.value * 100}%`, backgroundColor: color, display: 'block' }} />
            </span>
          )}
          <span className={rate.value === null ? styles.unknown : styles.value}>{formatRate(rate)}</span>
        </li>
      ))}
    </ul>
  );
}
