/** French display of figures. */
import type { Rate } from './model';
import { once } from './once';

const PERCENT = once(() => new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 }));

export const NOT_EVALUABLE = 'non évaluable';

/**
 * "45 %" (fr-FR, narrow no-break space) or "non évaluable" when the denominator is 0.
 * A rate strictly between 0 and 1 never shows as "0 %" or "100 %", which would read as none or all.
 */
export function formatRate(rate: Rate): string {
  if (rate.value === null) return NOT_EVALUABLE;
  const shown = rate.value > 0 && rate.value < 1 ? Math.min(Math.max(rate.value, 0.01), 0.99) : rate.value;
  let text = FORMATTED.get(shown);
  if (text === undefined) {
    if (FORMATTED.size >= MAX_FORMATTED) FORMATTED.clear();
    text = percent(shown);
    FORMATTED.set(shown, text);
  }
  return text;
}

/**
 * The percent of a rate, rounded half up from the shortest decimal form of the number (0.285 →
 * 29 %), as Intl does. Between 0 and 1 it is spelled without Intl: creating the first fr-FR
 * formatter costs a cold page tens of milliseconds, and the pane's first figures are rates.
 */
function percent(value: number): string {
  if (value >= 0 && value <= 1) return `${Math.round(Number((value * 100).toPrecision(15)))}\u202F%`;
  // ICU versions differ on the space before "%": always the narrow no-break space.
  return PERCENT().format(value).replace(/\s%/, '\u202F%');
}

/** Rates already formatted: Intl formatting costs more than the rest of an analysis's wording. */
const FORMATTED = new Map<number, string>();
const MAX_FORMATTED = 1000;
