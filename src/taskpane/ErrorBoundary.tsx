import { Component, Suspense, lazy, type ErrorInfo, type ReactNode } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import { paneTheme } from './theme';

// Loaded only when a crash happens; the plain text stands in while it loads (or if it cannot).
const PaneNotice = lazy(() => import(/* webpackChunkName: "pane-notice" */ './PaneNotice'));
const TITLE = 'Le volet a rencontré une erreur inattendue.';

interface Props {
  children: ReactNode;
  /** Where the error is reported besides the screen (the console by default). */
  onError?: (error: Error, info: ErrorInfo) => void;
}

interface State {
  error: Error | null;
}

/** Never leaves a blank pane: a rendering error becomes a French message with a way back. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    if (this.props.onError) this.props.onError(error, info);
    else console.error('Erreur dans le volet RESOMEDIT', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const detail = `Vos données dans le classeur ne sont pas touchées. Détail : ${error.message}`;
    // Its own theme: the pane that crashed may have been the one to give it (see mount).
    return (
      <FluentProvider theme={paneTheme}>
        <Suspense fallback={<p role="alert">{`${TITLE} ${detail}`}</p>}>
          <PaneNotice intent="error" role="alert" title={TITLE} action={{ label: 'Réafficher le volet', onClick: () => this.setState({ error: null }) }}>
            {detail}
          </PaneNotice>
        </Suspense>
      </FluentProvider>
    );
  }
}
