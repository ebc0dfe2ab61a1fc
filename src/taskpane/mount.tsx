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

/** Renders `content` into the page's root element. */
export function mount(content: ReactNode, container: HTMLElement | null = document.getElementById('root')): void {
  if (!container) throw new Error('Élément #root absent de la page');
  createRoot(container).render(
    <StrictMode>
      <PaneFrame>{content}</PaneFrame>
    </StrictMode>,
  );
}
