/** The smallest Fluent v9 pane, built like ours: the baseline of the pane benchmark. */
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, Text, webLightTheme } from '@fluentui/react-components';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Text as="p" data-testid="figures">
      Bonjour 45 %
    </Text>
    <Button appearance="primary">OK</Button>
  </FluentProvider>,
);
