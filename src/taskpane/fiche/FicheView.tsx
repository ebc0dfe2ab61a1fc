import type { ReactNode } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { evolutionText, type FicheContent, type FicheFigure } from '../../workbook/fiche';
import { visuallyHidden } from '../visuallyHidden';

/** Sized for an A4 page once printed; on screen it scales down with the pane or the dialog. */
const useStyles = makeStyles({
  page: {
    fontFamily: tokens.fontFamilyBase,
    color: '#1b1b1b',
    backgroundColor: '#ffffff',
    maxWidth: '186mm',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    '@media print': { maxWidth: 'none', fontSize: '10pt' },
  },
  kicker: { margin: 0, fontSize: '11px', fontWeight: 700, letterSpacing: '0.04em', color: '#555555' },
  title: { margin: 0, fontSize: '20px', lineHeight: 1.2 },
  who: { display: 'flex', justifyContent: 'space-between', gap: '12px', flexWrap: 'wrap', fontWeight: 700 },
  date: { fontWeight: 400, color: '#555555' },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(100px, 1fr))', gap: '6px', margin: 0 },
  tile: { border: '1px solid #c8c8c8', padding: '6px', display: 'flex', flexDirection: 'column', gap: '2px', margin: 0 },
  highlighted: { border: '3px solid #a4262c' },
  tileLabel: { fontSize: '11px', fontWeight: 700, color: '#555555' },
  tileValue: { margin: 0, fontSize: '24px', fontWeight: 700 },
  alert: { color: '#a4262c' },
  detail: { fontSize: '11px', color: '#555555' },
  note: { margin: 0, fontSize: '12px', color: '#555555' },
  heading: { margin: '4px 0 0', fontSize: '15px', color: '#0f4c81', borderBottom: '1px solid #0f4c81' },
  gaps: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: '4px' },
  count: { display: 'inline-block', minWidth: '2.5em', fontWeight: 700, fontSize: '16px' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: '12px' },
  cell: { borderTop: '1px solid #c8c8c8', padding: '4px', verticalAlign: 'top', textAlign: 'left' },
  evolution: { margin: 0, fontSize: '11px', fontWeight: 700, color: '#0f4c81' },
  lines: { margin: 0, paddingLeft: '18px', fontSize: '12px' },
  hidden: visuallyHidden,
});

function Figure({ figure }: { figure: FicheFigure }) {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.tile, figure.highlight && styles.highlighted)}>
      <dt className={styles.tileLabel}>{figure.label}</dt>
      <dd className={mergeClasses(styles.tileValue, figure.highlight && styles.alert)}>{figure.value}</dd>
      <dd className={styles.detail} style={{ margin: 0 }}>
        {figure.detail}
        {figure.highlight && <strong> ({figure.highlight})</strong>}
      </dd>
      {figure.evolution && (
        <dd className={styles.evolution}>
          <span aria-hidden="true">{evolutionText(figure.evolution)}</span>
          <span className={styles.hidden}>{figure.spokenEvolution}</span>
        </dd>
      )}
    </div>
  );
}

/** The fiche de synthèse as a page: the same content as the PDF of the command line; `map` goes under the figures. */
export function FicheView({ content, map }: { content: FicheContent; map?: ReactNode }) {
  const styles = useStyles();
  return (
    <article className={styles.page} aria-label="Fiche de synthèse">
      <p className={styles.kicker}>FICHE DE SYNTHÈSE</p>
      <h1 className={styles.title}>{content.title}</h1>
      <div className={styles.who}>
        <span>{content.establishment}</span>
        <span className={styles.date}>{content.date}</span>
      </div>
      <dl className={styles.tiles}>
        {[content.completude, ...content.rates].map((figure) => (
          <Figure key={figure.label} figure={figure} />
        ))}
      </dl>
      <p className={styles.note}>On peut être 100 % informatisé et 0 % interopérable : les taux se lisent côte à côte.</p>
      {content.evolution && (
        <>
          <h2 className={styles.heading}>Depuis la campagne précédente</h2>
          <ul className={styles.lines}>
            {content.evolution.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {map}
      <h2 className={styles.heading}>Écarts réglementaires</h2>
      <ul className={styles.gaps}>
        {content.gaps.map((gap) => (
          <li key={gap.label}>
            <span className={mergeClasses(styles.count, gap.count > 0 && styles.alert)}>{gap.count}</span> <strong>{gap.label}</strong>
            <div className={styles.detail}>{gap.reference}</div>
          </li>
        ))}
      </ul>
      <h2 className={styles.heading}>Les {content.actions.length} actions prioritaires</h2>
      {content.actions.length === 0 ? (
        <p className={styles.note}>Aucune action proposée à ce stade.</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              {['Priorité', 'Action', 'Zone / étape', 'Pilote', 'Échéance'].map((title) => (
                <th key={title} scope="col" className={styles.cell}>
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {content.actions.map((action, index) => (
              <tr key={index}>
                <td className={styles.cell}>{action.priority ?? ''}</td>
                <td className={styles.cell}>{action.action}</td>
                <td className={styles.cell}>{action.scope}</td>
                <td className={styles.cell}>{action.pilot || '—'}</td>
                <td className={styles.cell}>{action.dueDate || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {content.notes.map((note) => (
        <p key={note} className={styles.note}>
          {note}
        </p>
      ))}
    </article>
  );
}
