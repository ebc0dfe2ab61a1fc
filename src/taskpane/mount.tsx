import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import { ErrorBoundary } from './ErrorBoundary';
import { paneTheme } from './theme';

/** The frame every screen of the pane lives in: Office look, and an error boundary so it is never blank. */
export function PaneFrame({ children }: { children: ReactNode }) {
  return (
    <FluentProvider theme={paneTheme} style={{ minHeight: '100%' }}>
      <ErrorBoundary>{children}</ErrorBoundary>
    </FluentProvider>
  );
}

/**
 * The frame of content that brings its own Fluent provider (the pane, which switches its theme for
 * presentation): the same page background and error boundary without a second provider, whose theme
 * (a style tag of every token) the first figures would wait for.
 */
function ThemedContentFrame({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: '100%', backgroundColor: paneTheme.colorNeutralBackground1 }}>
      <ErrorBoundary>{children}</ErrorBoundary>
    </div>
  );
}

/** Renders `content` into the page's root element; `themed` content brings its own Fluent provider. */
export function mount(content: ReactNode, { container = document.getElementById('root'), themed = false }: { container?: HTMLElement | null; themed?: boolean } = {}): void {
  if (!container) throw new Error('Élément #root absent de la page');
  createRoot(container).render(<StrictMode>{themed ? <ThemedContentFrame>{content}</ThemedContentFrame> : <PaneFrame>{content}</PaneFrame>}</StrictMode>);
}
