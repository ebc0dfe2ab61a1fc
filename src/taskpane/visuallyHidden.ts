import type { GriffelStyle } from '@fluentui/react-components';

/**
 * Read by screen readers, not shown. Longhand properties: Griffel's `shorthands` helpers would bring
 * all of them into the first chunk at run time.
 */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  marginTop: '-1px',
  marginRight: '-1px',
  marginBottom: '-1px',
  marginLeft: '-1px',
  paddingTop: 0,
  paddingRight: 0,
  paddingBottom: 0,
  paddingLeft: 0,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  borderTopWidth: 0,
  borderRightWidth: 0,
  borderBottomWidth: 0,
  borderLeftWidth: 0,
};
