import { shorthands, type GriffelStyle } from '@fluentui/react-components';

/** Read by screen readers, not shown. */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  ...shorthands.margin('-1px'),
  ...shorthands.padding(0),
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  ...shorthands.borderWidth(0),
};
