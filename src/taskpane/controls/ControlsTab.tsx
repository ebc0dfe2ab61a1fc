import { useState } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding, FindingKind } from '../../domain/model';

const GROUPS: { kind: FindingKind; title: string; intent: 'danger' | 'warning' | 'informative' }[] = [
  { kind: 'invalide', title: 'Saisies invalides', intent: 'danger' },
  { kind: 'incoherence', title: 'Incohérences', intent: 'warning' },
  { kind: 'reference', title: 'Références à vérifier', intent: 'warning' },
  { kind: 'fusion', title: 'Cellules fusionnées', intent: 'warning' },
  { kind: 'libelle', title: 'Libellés proches du modèle', intent: 'informative' },
  { kind: 'hors-cartographie', title: 'Lignes hors cartographie', intent: 'informative' },
  { kind: 'non-renseigne', title: 'Lignes non renseignées', intent: 'informative' },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  headerText: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  item: {
    display: 'grid',
    gridTemplateColumns: '3.5em 1fr',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  label: { fontWeight: tokens.fontWeightSemibold },
  message: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  critical: { marginInlineStart: tokens.spacingHorizontalXS },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface ControlsTabProps {
  findings: Finding[];
  onSelect: (finding: Finding) => void;
}

/** « Contrôles »: what to look at, grouped and counted; activating an item selects its cell. */
export function ControlsTab({ findings, onSelect }: ControlsTabProps) {
  const styles = useStyles();
  const [criticalOnly, setCriticalOnly] = useState(false);
  const shown = criticalOnly ? findings.filter((f) => f.critical) : findings;

  return (
    <div className={styles.root}>
      <Switch
        label="Critiques seulement"
        checked={criticalOnly}
        onChange={(_, data) => setCriticalOnly(data.checked)}
      />
      {shown.length === 0 && (
        <Caption1 className={styles.empty}>
          {criticalOnly ? 'Aucun point à contrôler sur les lignes critiques.' : 'Aucun point à contrôler.'}
        </Caption1>
      )}
      <Accordion multiple collapsible defaultOpenItems={['invalide', 'incoherence']}>
        {GROUPS.map(({ kind, title, intent }) => {
          const group = shown.filter((f) => f.kind === kind);
          if (group.length === 0) return null;
          return (
            <AccordionItem key={kind} value={kind}>
              <AccordionHeader>
                <span className={styles.headerText}>
                  {title}
                  <Badge appearance="filled" color={intent}>
                    {group.length}
                  </Badge>
                </span>
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list} aria-label={title}>
                  {group.map((finding) => (
                    <li key={`${finding.kind}-${finding.sheet}-${finding.cell}`}>
                      <button
                        type="button"
                        className={styles.item}
                        onClick={() => onSelect(finding)}
                        title={`Aller à la cellule ${finding.cell} de la feuille « ${finding.sheet} »`}
                      >
                        <span className={styles.cell}>{finding.cell}</span>
                        <span>
                          <span className={styles.label}>
                            {finding.ref} · {finding.rowLabel}
                          </span>
                          {finding.critical && (
                            <Badge className={styles.critical} size="small" appearance="tint" color="danger">
                              critique
                            </Badge>
                          )}
                          <span className={styles.message}>{finding.message}</span>
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          );
        })}
      </Accordion>
    </div>
  );
}
