import { Badge, Tab, TabList, makeStyles } from '@fluentui/react-components';

export type TabId = 'dashboard' | 'controls' | 'plan' | 'workbook' | 'iud';

const TABS: { id: TabId; label: string }[] = [
  { id: 'dashboard', label: 'Tableau de bord' },
  { id: 'controls', label: 'Contrôles' },
  { id: 'plan', label: 'Plan d’action' },
  { id: 'workbook', label: 'Classeur' },
  { id: 'iud', label: 'Test IUD' },
];

const useStyles = makeStyles({ tabs: { flexWrap: 'wrap' } });

export interface PaneTabsProps {
  selected: TabId;
  onSelect: (tab: TabId) => void;
  /** Invalid and incoherent entries, shown as a badge on « Contrôles ». */
  alerts: number;
}

/** The pane's tab bar; the panel it controls is `#pane-panel`. */
export default function PaneTabs({ selected, onSelect, alerts }: PaneTabsProps) {
  const styles = useStyles();
  return (
    <TabList className={styles.tabs} selectedValue={selected} onTabSelect={(_, data) => onSelect(data.value as TabId)} size="small" aria-label="Sections du volet">
      {TABS.map(({ id, label }) => (
        <Tab key={id} value={id} id={`tab-${id}`} aria-controls="pane-panel">
          {label}
          {id === 'controls' && alerts > 0 && (
            <Badge size="small" color="danger" appearance="filled" style={{ marginInlineStart: 4 }}>
              {alerts}
            </Badge>
          )}
        </Tab>
      ))}
    </TabList>
  );
}
