import { useRef, useState, type FormEvent } from 'react';
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { parseIud } from '../../domain/iud';
import type { IudResult } from '../../domain/iud/types';
import { visibleControls } from './visibleControls';
import { Section } from '../Section';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  raw: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    wordBreak: 'break-all',
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
  },
  heading: { margin: 0 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  absent: { margin: 0, fontStyle: 'italic', color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: 'start', padding: tokens.spacingVerticalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, wordBreak: 'break-all' },
});

function Facts({ items }: { items: [string, string | undefined][] }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {items.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{term}</dt>
          {value ? <dd className={styles.value}>{value}</dd> : <dd className={styles.absent}>absent</dd>}
        </div>
      ))}
    </dl>
  );
}

function Messages({ intent, title, items }: { intent: 'error' | 'warning' | 'info'; title: string; items: string[] }) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

function IudReport({ result }: { result: IudResult }) {
  const styles = useStyles();
  const { iudId, iudIp } = result;
  return (
    <Section
      className={styles.root}
      title={
        <>
          Résultat : {result.format === 'inconnu' ? 'format non reconnu' : result.format}
          {result.symbology ? ` (${result.symbology})` : ''}
        </>
      }
    >
      {result.ok && (
        <MessageBar intent="success">
          <MessageBarBody>Code lisible et complet pour la traçabilité.</MessageBarBody>
        </MessageBar>
      )}
      <Messages intent="error" title="Problèmes" items={result.problems} />
      <Messages intent="warning" title="À vérifier" items={result.warnings} />
      <Messages intent="info" title="Manque pour la traçabilité (R5212-38 CSP, MDR)" items={result.missing} />
      {result.suggestion && (
        <Caption1>
          Lecture probable : <span className={styles.value}>{result.suggestion}</span>
        </Caption1>
      )}
      <Subtitle2 as="h3" className={styles.heading}>IUD-ID (identifiant du dispositif)</Subtitle2>
      <Facts
        items={[
          [iudId?.issuer === 'HIBC' ? 'Code HIBC' : 'GTIN', iudId?.value],
          ...(iudId?.issuer === 'HIBC'
            ? ([
                ['Code fabricant', iudId.labeler],
                ['Code produit', iudId.product],
              ] as [string, string | undefined][])
            : []),
        ]}
      />
      <Subtitle2 as="h3" className={styles.heading}>IUD-IP (identifiant de production)</Subtitle2>
      <Facts
        items={[
          ['Lot', iudIp.lot],
          ['Série', iudIp.serial],
          ['Péremption', iudIp.expiry?.display],
          ['Fabrication', iudIp.manufactured?.display],
        ]}
      />
      {result.elements.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.term} style={{ textAlign: 'start' }}>
            Éléments décodés
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.cell}>Code</th>
              <th scope="col" className={styles.cell}>Élément</th>
              <th scope="col" className={styles.cell}>Valeur</th>
            </tr>
          </thead>
          <tbody>
            {result.elements.map((element, index) => (
              <tr key={`${element.ai}-${index}`}>
                <td className={styles.cell}>{element.ai}</td>
                <td className={styles.cell}>{element.label}</td>
                <td className={styles.cell}>
                  {element.value}
                  {!element.valid && ` ✗ ${element.message ?? 'invalide'}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** « Test IUD »: a scanner types into the field and presses Enter; the code is decoded and explained. */
export default function IudTab() {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [result, setResult] = useState<IudResult | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    setResult(parseIud(text, { today: new Date().toISOString().slice(0, 10) }));
    // The next scan replaces this one.
    input.current?.select();
  }

  function clear() {
    setText('');
    setResult(null);
    input.current?.focus();
  }

  return (
    <div className={styles.root}>
      <form className={styles.form} onSubmit={submit}>
        <Field
          label="Code scanné"
          hint="Placez le curseur ici, scannez la boîte (GS1 DataMatrix, GS1-128 ou HIBC) : le lecteur saisit le code et valide par Entrée."
        >
          <Input ref={input} value={text} onChange={(_, data) => setText(data.value)} autoComplete="off" spellCheck={false} />
        </Field>
        {text !== '' && (
          <div className={styles.raw} data-testid="iud-raw">
            Lu : {visibleControls(text)}
          </div>
        )}
        <div className={styles.buttons}>
          <Button type="submit" appearance="primary">
            Analyser
          </Button>
          <Button type="button" onClick={clear}>
            Effacer
          </Button>
        </div>
      </form>
      <div aria-live="polite">{result && <IudReport result={result} />}</div>
    </div>
  );
}
