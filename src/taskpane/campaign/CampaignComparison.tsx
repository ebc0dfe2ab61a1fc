/**
 * « Comparer avec une campagne précédente »: the user picks last year's .xlsx; it is read here, in
 * the pane (the streaming reader, loaded only then), and nothing is sent anywhere. Then each rate
 * with its evolution, the ruptures closed or appeared, and what became of last year's actions.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Comparison, RateEvolution, TransitionChange } from '../../domain/campaign/compare';
import { formatEvolution, spokenEvolution } from '../../domain/campaign/format';
import { formatRate } from '../../domain/format';
import type { PlanRow } from '../../domain/model';
import type { PreviousCampaign } from '../../workbook/campaignInfo';
import type { CampaignComparison as Compared } from '../../workbook/session';
import { count } from '../text';
import { visuallyHidden } from '../visuallyHidden';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: 'end', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  rowHead: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: 'start', fontWeight: tokens.fontWeightRegular, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  better: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  worse: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  hidden: visuallyHidden,
});

export interface CampaignComparisonProps {
  comparison: Compared | null | undefined;
  /** Compares with the campaign read, or forgets the comparison (null). */
  onCompare: (previous: PreviousCampaign | null) => Promise<void>;
  /** Regenerates the Synthèse, which then carries the « Évolution » section (explicit command). */
  onWriteSynthesis?: () => Promise<{ ok: boolean }>;
}

/** Reads the picked file with the streaming reader, loaded on demand. */
async function readPicked(file: File): Promise<{ ok: true; value: PreviousCampaign } | { ok: false; message: string }> {
  const { readCampaignBytes } = await import(/* webpackChunkName: "campaign-reader" */ '../../adapters/xlsx/campaignFile');
  return readCampaignBytes(new Uint8Array(await file.arrayBuffer()), file.name);
}

function Evolution({ rate }: { rate: RateEvolution }) {
  const styles = useStyles();
  const tone = rate.improved === null ? undefined : rate.improved ? styles.better : styles.worse;
  return (
    <td className={mergeClasses(styles.cell, tone)}>
      <span aria-hidden="true">{formatEvolution(rate)}</span>
      <span className={styles.hidden}>{spokenEvolution(rate)}</span>
    </td>
  );
}

function Transitions({ title, list, empty }: { title: string; list: TransitionChange[]; empty: string }) {
  const styles = useStyles();
  return (
    <div>
      <h3 className={styles.subheading}>{title}</h3>
      {list.length === 0 ? (
        <Caption1 className={styles.muted}>{empty}</Caption1>
      ) : (
        <ul className={styles.list}>
          {list.map((t) => (
            <li key={`${t.fromLabel}→${t.toLabel}`}>
              {t.fromLabel} → {t.toLabel} ({count(t.rupturesBefore, 'rupture')} → {t.rupturesAfter})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Actions({ actions }: { actions: Comparison['actions'] }) {
  const styles = useStyles();
  const done = actions.done.length + actions.doneGapStillThere.length;
  const item = (row: PlanRow, prefix: string) => (
    <li key={`${prefix}${row.ref}${row.order}`}>
      {prefix} : {row.action} ({row.scope})
    </li>
  );
  return (
    <div>
      <h3 className={styles.subheading}>Actions de la campagne précédente</h3>
      <Caption1 data-testid="evolution-actions">
        {count(done, 'réalisée')} · {count(actions.late.length, 'en retard', 'en retard')} · {count(actions.abandoned.length, 'abandonnée')} ·{' '}
        {count(actions.open.length, 'en cours ou à lancer', 'en cours ou à lancer')}
      </Caption1>
      {actions.doneGapStillThere.length + actions.late.length > 0 && (
        <ul className={styles.list}>
          {actions.doneGapStillThere.map((row) => item(row, 'Action réalisée, constat toujours présent'))}
          {actions.late.map((row) => item(row, 'En retard'))}
        </ul>
      )}
    </div>
  );
}

function campaignName(previous: PreviousCampaign): string {
  const year = previous.info?.year;
  return year ? `campagne ${year}, « ${previous.fileName} »` : `« ${previous.fileName} »`;
}

export function CampaignComparison({ comparison, onCompare, onWriteSynthesis }: CampaignComparisonProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [written, setWritten] = useState<string | null>(null);

  async function writeSynthesis() {
    if (!onWriteSynthesis) return;
    setWritten(null);
    const report = await onWriteSynthesis();
    setWritten(report.ok ? 'La Synthèse a été régénérée avec la section « Évolution » (en bas de la feuille).' : 'La Synthèse n’a pas pu être régénérée : voir le message en haut du volet.');
  }

  async function picked(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(null);
    setReading(file.name);
    try {
      const read = await readPicked(file);
      if (read.ok) await onCompare(read.value);
      else setProblem(read.message);
    } catch (error) {
      setProblem(`« ${file.name} » n'a pas pu être lu : ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setReading(null);
    }
  }

  const result = comparison?.comparison;
  return (
    <div className={styles.root} data-testid="campaign-comparison">
      <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={styles.hidden} tabIndex={-1} aria-hidden="true" onChange={(event) => void picked(event)} />
      {!comparison && <Caption1>Choisissez le classeur de la campagne précédente (.xlsx) : il est lu dans ce volet, rien n’est envoyé.</Caption1>}
      {comparison && <Caption1>Comparaison avec la {campaignName(comparison.previous)}.</Caption1>}
      <div className={styles.actions}>
        <Button size="small" disabled={reading !== null} onClick={() => input.current?.click()}>
          {comparison ? 'Choisir un autre classeur…' : 'Comparer avec une campagne précédente…'}
        </Button>
        {comparison && onWriteSynthesis && (
          <Button size="small" disabled={reading !== null} onClick={() => void writeSynthesis()}>
            Ajouter l’évolution à la Synthèse
          </Button>
        )}
        {comparison && (
          <Button size="small" appearance="subtle" disabled={reading !== null} onClick={() => void onCompare(null)}>
            Retirer la comparaison
          </Button>
        )}
        {reading && <Spinner size="extra-tiny" label={`Lecture de « ${reading} »…`} />}
      </div>
      {written && <Caption1 role="status">{written}</Caption1>}
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <>
          <table className={styles.table}>
            <caption className={styles.hidden}>Taux de la campagne précédente et de cette campagne</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.rowHead}>Taux</th>
                <th scope="col" className={styles.cell}>Avant</th>
                <th scope="col" className={styles.cell}>Cette année</th>
                <th scope="col" className={styles.cell}>Évolution</th>
              </tr>
            </thead>
            <tbody>
              {result.rates.map((rate) => (
                <tr key={rate.key} data-testid={`evolution-${rate.key}`}>
                  <th scope="row" className={styles.rowHead}>{rate.label}</th>
                  <td className={styles.cell}>{formatRate(rate.before)}</td>
                  <td className={styles.cell}>{formatRate(rate.after)}</td>
                  <Evolution rate={rate} />
                </tr>
              ))}
            </tbody>
          </table>
          <Transitions title="Ruptures fermées" list={result.closedRuptures} empty="Aucune liaison n’a perdu toutes ses ruptures." />
          <Transitions title="Ruptures apparues" list={result.newRuptures} empty="Aucune nouvelle rupture sur une liaison déjà évaluée." />
          <Actions actions={result.actions} />
          {result.notCompared.length > 0 && (
            <div>
              <h3 className={styles.subheading}>Non comparé</h3>
              <ul className={mergeClasses(styles.list, styles.muted)}>
                {result.notCompared.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </div>
  );
}
