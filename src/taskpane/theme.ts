import { webLightTheme, type Theme } from '@fluentui/react-components';

const PRESENTATION_SCALE = 1.3;

function scaled(value: string): string {
  return `${Math.round(parseFloat(value) * PRESENTATION_SCALE)}px`;
}

/** The Office look with every font size and line height enlarged, for screen sharing. */
export const presentationTheme: Theme = Object.fromEntries(
  Object.entries(webLightTheme).map(([token, value]) =>
    /^(fontSize|lineHeight)(Base|Hero)\d+$/.test(token) ? [token, scaled(String(value))] : [token, value],
  ),
) as unknown as Theme;

export { webLightTheme as paneTheme };
