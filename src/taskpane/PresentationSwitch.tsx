import { Switch } from '@fluentui/react-components';

export interface PresentationSwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** « Mode présentation »: in the tab bar's chunk, after the first figures (its Fluent switch is not needed for them). */
export default function PresentationSwitch({ checked, onChange }: PresentationSwitchProps) {
  return <Switch label="Mode présentation" checked={checked} onChange={(_, data) => onChange(data.checked)} />;
}
