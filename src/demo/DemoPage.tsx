import { useEffect, useEffectEvent, useState } from 'react';
import {
  Button,
  Caption1,
  Input,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Toolbar,
  ToolbarDivider,
  makeStaticStyles,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MemoryWorkbook } from '../adapters/memory/workbook';
import { DEMO_ESTABLISHMENT } from '../domain/demo';
import { Pane } from '../taskpane/Pane';
import type { WorkbookPort } from '../workbook/port';
import type { AnalysisSession } from '../workbook/session';
import { SHEETS } from '../workbook/sheets';
import { SheetChart } from './SheetChart';
import { SheetView, type SelectionRequest } from './SheetView';

/** Sheets the demo lets the user type in: the add-in regenerates the others. */
const EDITABLE: string[] = [SHEETS.cartographie, SHEETS.plan];

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { height: '100%', margin: 0 },
  '.demo-grid': { blockSize: '100%', fontSize: '12px', '--rdg-selection-color': '#217346' } as never,
  '.demo-cell-host': { paddingInline: 0 },
  '.demo-cell': { blockSize: '100%', paddingInline: '6px', overflow: 'hidden', textOverflow: 'ellipsis', lineHeight: '24px' },
  '.demo-row-header': { backgroundColor: '#f3f3f3', color: '#444', textAlign: 'center' },
});

/** Below this width the grid and the pane no longer fit side by side: they stack. */
const NARROW = '@media (max-width: 600px)';

const useStyles = makeStyles({
  page: { display: 'flex', blockSize: '100vh', minBlockSize: 0, [NARROW]: { flexDirection: 'column', blockSize: 'auto' } },
  workbook: {
    flex: 1,
    minInlineSize: 0,
    display: 'flex',
    flexDirection: 'column',
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    [NARROW]: { flex: 'none', blockSize: '75vh', borderRight: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke1}` },
  },
  top: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, color: '#217346' },
  toolbar: { flexWrap: 'wrap' },
  nameBox: { inlineSize: '7em', fontFamily: tokens.fontFamilyMonospace },
  selection: { minInlineSize: '8em', paddingInline: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  grid: { flex: 1, minBlockSize: 0 },
  sheets: { borderTop: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground3, overflowX: 'auto' },
  pane: {
    inlineSize: '420px',
    flexShrink: 0,
    overflowY: 'auto',
    // Presentation mode widens the pane so that the circuit map reads from the back of a room.
    ':has([data-presentation="true"])': { inlineSize: 'min(60vw, 760px)' },
    [NARROW]: { inlineSize: 'auto', overflowY: 'visible' },
  },
});

export interface DemoPageProps {
  workbook: MemoryWorkbook;
  port: WorkbookPort;
  session: AnalysisSession;
}

/** The browser demo: the in-memory workbook on the left, the add-in's pane on the right. */
export function DemoPage({ workbook, port, session }: DemoPageProps) {
  useGlobalStyles();
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [sheets, setSheets] = useState(() => workbook.sheetNames());
  const [active, setActive] = useState<string>(SHEETS.cartographie);
  const [selected, setSelected] = useState<string | null>(null);
  const [target, setTarget] = useState<SelectionRequest | undefined>();
  const [nameBox, setNameBox] = useState('');
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);

  const onEvent = useEffectEvent((event: Parameters<Parameters<MemoryWorkbook['subscribe']>[0]>[0]) => {
    if (event.kind === 'select') {
      setActive(event.sheet);
      setTarget((previous) => ({ cell: event.cell, focus: false, request: (previous?.request ?? 0) + 1 }));
    } else {
      if (event.kind === 'sheets') setSheets(workbook.sheetNames());
      setVersion((v) => v + 1);
    }
  });
  useEffect(() => workbook.subscribe(onEvent), [workbook]);

  const shown = sheets.includes(active) ? active : sheets[0];
  const choices = selected && shown && EDITABLE.includes(shown) ? workbook.validationAt(shown, selected)?.list : undefined;

  async function download() {
    setExporting(true);
    setExportError(null);
    try {
      const { downloadWorkbook } = await import(/* webpackChunkName: "xlsx-export" */ './exportXlsx');
      await downloadWorkbook(workbook, 'cartographie-dmi-demonstration.xlsx');
    } catch (error) {
      setExportError(`Le classeur n’a pas pu être exporté : ${(error as Error).message}`);
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className={styles.page}>
      <main className={styles.workbook} aria-labelledby="demo-title">
        <div className={styles.top}>
          <h1 id="demo-title" className={styles.title}>
            Démonstration – classeur RESOMEDIT en mémoire
          </h1>
          <Caption1>{DEMO_ESTABLISHMENT.name} (FINESS fictif {DEMO_ESTABLISHMENT.finess})</Caption1>
          <Toolbar className={styles.toolbar} aria-label="Édition du classeur" size="small">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                const cell = nameBox.trim().toUpperCase();
                if (!/^[A-Z]{1,3}[1-9]\d*$/.test(cell)) return;
                setTarget((previous) => ({ cell, focus: true, request: (previous?.request ?? 0) + 1 }));
                setNameBox('');
              }}
            >
              <Input
                className={styles.nameBox}
                size="small"
                aria-label="Zone Nom : adresse de la cellule à atteindre"
                placeholder={selected ?? 'A1'}
                value={nameBox}
                onChange={(_, data) => setNameBox(data.value)}
              />
            </form>
            <Text className={styles.selection} aria-live="polite" data-testid="selected-cell">
              {selected ? `Cellule ${selected}` : 'Aucune cellule'}
            </Text>
            <ToolbarDivider />
            {(choices ?? ['OUI', 'NON', 'NA']).map((value) => (
              <Button
                key={value}
                size="small"
                disabled={!choices}
                onClick={() => selected && workbook.setCell(shown, selected, value)}
                aria-label={`Répondre ${value} en ${selected ?? ''}`}
              >
                {value}
              </Button>
            ))}
            <Button size="small" disabled={!choices} onClick={() => selected && workbook.setCell(shown, selected, null)}>
              Effacer
            </Button>
            <ToolbarDivider />
            <Button size="small" appearance="primary" onClick={download} disabled={exporting}>
              Télécharger le classeur (.xlsx)
            </Button>
          </Toolbar>
          {exportError && (
            <MessageBar intent="error">
              <MessageBarBody>{exportError}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        <div className={styles.grid}>
          {shown && (
            <SheetView
              key={shown}
              workbook={workbook}
              sheet={shown}
              version={version}
              editable={EDITABLE.includes(shown)}
              onSelectedCellChange={setSelected}
              target={target}
            />
          )}
        </div>
        {shown && <SheetChart workbook={workbook} sheet={shown} />}
        <TabList
          className={styles.sheets}
          size="small"
          selectedValue={shown}
          onTabSelect={(_, data) => {
            setActive(String(data.value));
            setSelected(null);
            setTarget(undefined);
          }}
          aria-label="Feuilles du classeur"
        >
          {sheets.map((name) => (
            <Tab key={name} value={name}>
              {name}
            </Tab>
          ))}
        </TabList>
      </main>
      <aside className={styles.pane} aria-label="Volet du complément">
        <Pane session={session} port={port} />
      </aside>
    </div>
  );
}
