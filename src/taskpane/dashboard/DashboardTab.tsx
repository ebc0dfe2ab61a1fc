import { Suspense, lazy } from 'react';
import { Caption1, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { formatRate } from '../../domain/format';
import type { Assessment, ContinuityViewId } from '../../domain/model';
import { count, ratio } from '../text';
import { RateBars } from './RateBars';
import { RateTile } from './RateTile';
import { visuallyHidden } from '../visuallyHidden';
import { tokenValue } from '../theme';
import { Section } from '../Section';
import { useAfterFirstPaint } from '../afterFirstPaint';
import type { RowTarget } from '../../views/circuit';
import type { CampaignComparisonProps } from '../campaign/CampaignComparison';

// Only when the dashboard shows it: the comparison's view; its file reader loads when a file is picked.
const CampaignComparison = lazy(() => import(/* webpackChunkName: "campaign" */ '../campaign/CampaignComparison').then((m) => ({ default: m.CampaignComparison })));

const COLORS = {
  informatisation: tokenValue('colorBrandBackground'),
  interoperabilite: tokenValue('colorPaletteDarkOrangeBackground3'),
  rupture: tokenValue('colorPaletteRedBackground3'),
  equipment: tokenValue('colorPaletteTealBackground2'),
};

// The map comes just after the headline figures, in a chunk of its own: they do not wait for it.
const CircuitMapView = lazy(() => import(/* webpackChunkName: "circuit-map" */ '../map/CircuitMapView').then((m) => ({ default: m.CircuitMapView })));

const VIEW_ORDER: ContinuityViewId[] = ['pui', 'transitions', 'blocs'];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  zone: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  zoneName: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: 'end', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, fontVariantNumeric: 'tabular-nums' },
  rowHead: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: 'start', fontWeight: tokens.fontWeightRegular, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  muted: { color: tokens.colorNeutralForeground3 },
  ruptures: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  hidden: visuallyHidden,
});

export interface DashboardTabProps {
  analysis: Assessment;
  presentation?: boolean;
  /** Selects the cartographie row behind a step or a transition of the map. */
  onSelect?: (target: RowTarget) => void;
  /** The comparison with a previous campaign; without `onCompare` the section is not shown. */
  comparison?: CampaignComparisonProps['comparison'];
  onCompare?: CampaignComparisonProps['onCompare'];
  onWriteSynthesis?: CampaignComparisonProps['onWriteSynthesis'];
}

/** « Tableau de bord »: completeness, headline rates side by side, the circuit map, by zone, the three continuity views. */
export function DashboardTab({ analysis, presentation, onSelect, comparison, onCompare, onWriteSynthesis }: DashboardTabProps) {
  const styles = useStyles();
  // The map, the comparison and the detailed figures under the map come once the headline figures are painted.
  const painted = useAfterFirstPaint();
  const { overall, counts } = analysis.figures;
  const announcement =
    `Complétude ${formatRate(overall.completude)}, informatisation ${formatRate(overall.informatisation)}, ` +
    `interopérabilité ${formatRate(overall.interoperabilite)}, points de rupture ${formatRate(overall.rupture)}.`;

  return (
    <div className={styles.root}>
      <div className={styles.hidden} aria-live="polite" aria-atomic="true">
        {announcement}
      </div>

      <Section title={`Complétude : ${formatRate(overall.completude)}`}>
        <ProgressBar
          value={overall.completude.value ?? 0}
          thickness="large"
          aria-label="Complétude de la cartographie"
          aria-valuetext={formatRate(overall.completude)}
        />
        <Caption1>
          {ratio(counts.answered, counts.rows)} lignes renseignées · {count(counts.invalid, 'saisie invalide', 'saisies invalides')} ·{' '}
          {count(counts.incoherent, 'incohérence')} ·{' '}
          {count(counts.missingTraceabilityData, 'donnée de traçabilité manquante', 'données de traçabilité manquantes')} ·{' '}
          {count(counts.sanitaryRuptures, 'rupture sur un flux sanitaire', 'ruptures sur des flux sanitaires')}
        </Caption1>
      </Section>

      <Section title="Informatisation et interopérabilité">
        <div className={styles.tiles}>
          <RateTile label="Informatisation des données" rate={overall.informatisation} unit="données" testId="rate-informatisation" />
          <RateTile label="Interopérabilité" rate={overall.interoperabilite} unit="liaisons" testId="rate-interoperabilite" />
          <RateTile label="Continuité" rate={overall.continuite} unit="liaisons" testId="rate-continuite" />
          <RateTile label="Points de rupture (CAQES R4 1.2)" rate={overall.rupture} unit="liaisons" alertWhenAbove={0} testId="rate-rupture" />
        </div>
        <Caption1>
          Étapes informatisées : {formatRate(overall.etapesInformatisees)} ({ratio(overall.etapesInformatisees.numerator, overall.etapesInformatisees.denominator)})
        </Caption1>
      </Section>

      {onCompare && (
        <Section title="Évolution depuis la campagne précédente">
          <Suspense fallback={null}>
            {painted && <CampaignComparison comparison={comparison} onCompare={onCompare} onWriteSynthesis={onWriteSynthesis} />}
          </Suspense>
        </Section>
      )}

      <Section title="Carte du circuit">
        <Suspense fallback={null}>
          {painted && <CircuitMapView analysis={analysis} presentation={presentation} onSelect={onSelect} />}
        </Suspense>
      </Section>

      {painted && <DetailedFigures figures={analysis.figures} />}
    </div>
  );
}

/** Under the map: the rates by zone, the three continuity views with the links in rupture, the equipment. */
function DetailedFigures({ figures }: { figures: Assessment['figures'] }) {
  const styles = useStyles();
  const { zones, views, equipment } = figures;
  const ruptures = figures.transitions.filter((t) => t.ruptures > 0);
  return (
    <>
      <Section title="Par zone">
        {zones.map((zone) => (
          <div key={zone.zone} className={styles.zone}>
            <h3 className={styles.zoneName}>{zone.label}</h3>
            <RateBars
              bars={[
                { name: 'Informatisation', rate: zone.informatisation, color: COLORS.informatisation },
                { name: 'Interopérabilité', rate: zone.interoperabilite, color: COLORS.interoperabilite },
                { name: 'Rupture', rate: zone.rupture, color: COLORS.rupture },
              ]}
            />
          </div>
        ))}
      </Section>

      <Section title="Continuité de l’information">
        <table className={styles.table}>
          <caption className={styles.hidden}>Continuité à la PUI, aux points de transition et aux blocs opératoires</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.rowHead}>
                <span className={styles.hidden}>Vue</span>
              </th>
              <th scope="col" className={styles.cell}>Interop.</th>
              <th scope="col" className={styles.cell}>Continuité</th>
              <th scope="col" className={styles.cell}>Rupture</th>
            </tr>
          </thead>
          <tbody>
            {VIEW_ORDER.map((id) => {
              const view = views[id];
              return (
                <tr key={id} data-testid={`view-${id}`}>
                  <th scope="row" className={styles.rowHead}>{view.label}</th>
                  <td className={styles.cell}>{formatRate(view.interoperabilite)}</td>
                  <td className={styles.cell}>{formatRate(view.continuite)}</td>
                  <td className={styles.cell}>{formatRate(view.rupture)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {ruptures.length > 0 ? (
          <>
            <Caption1 id="db-ruptures">Liaisons en rupture :</Caption1>
            <ul className={styles.ruptures} aria-labelledby="db-ruptures">
              {ruptures.map((t) => (
                <li key={`${t.from}>${t.to}`}>
                  {t.fromLabel} → {t.toLabel} ({count(t.ruptures, 'rupture')})
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Caption1 className={styles.muted}>Aucune rupture relevée.</Caption1>
        )}
      </Section>

      <Section title="Équipements">
        <RateBars
          bars={[
            { name: 'Lecteurs de codes', rate: equipment.lecteurs, color: COLORS.equipment },
            { name: 'Dépôts gérés', rate: equipment.depots, color: COLORS.equipment },
          ]}
        />
      </Section>
    </>
  );
}
