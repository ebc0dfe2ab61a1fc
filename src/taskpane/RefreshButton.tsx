import { Button } from '@fluentui/react-components';

export interface RefreshButtonProps {
  onClick: () => void;
  disabled: boolean;
}

/**
 * « Actualiser », always there: some Excel hosts send no change event for a drop-down pick. In the
 * tab bar's chunk, after the first figures (Fluent's button is not needed for them).
 */
export default function RefreshButton({ onClick, disabled }: RefreshButtonProps) {
  return (
    <Button size="small" onClick={onClick} disabled={disabled}>
      Actualiser
    </Button>
  );
}
