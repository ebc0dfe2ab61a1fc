import type { ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export interface PaneNoticeProps {
  intent: 'error' | 'warning';
  title?: string;
  children: ReactNode;
  role?: 'alert';
  action?: { label: string; onClick: () => void; disabled?: boolean };
  testId?: string;
}

/** A message of the pane (an error, the Synthèse drift): its Fluent components load when one is first shown. */
export default function PaneNotice({ intent, title, children, role, action, testId }: PaneNoticeProps) {
  return (
    <MessageBar intent={intent} layout="multiline" role={role} data-testid={testId}>
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {action && (
        <MessageBarActions>
          <Button disabled={action.disabled} onClick={action.onClick}>
            {action.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
