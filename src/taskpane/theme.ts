import { webLightTheme, type Theme } from '@fluentui/react-components';
import { once } from '../domain/once';

const PRESENTATION_SCALE = 1.3;

function scaled(value: string): string {
  return `${Math.round(parseFloat(value) * PRESENTATION_SCALE)}px`;
}

/** The Office look with every font size and line height enlarged, for screen sharing (made when first asked for, not at start). */
export const presentationTheme = once(
  () =>
    Object.fromEntries(
      Object.entries(webLightTheme).map(([token, value]) =>
        /^(fontSize|lineHeight)(Base|Hero)\d+$/.test(token) ? [token, scaled(String(value))] : [token, value],
      ),
    ) as unknown as Theme,
);

export { webLightTheme as paneTheme };

/**
 * A theme token as a CSS value, for colours chosen at run time. Fluent's `tokens` map does the same
 * but weighs 29 KiB; in makeStyles it is resolved at build time and never reaches the bundle.
 */
export function tokenValue(name: keyof Theme): string {
  return `var(--${name})`;
}
