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
    // ICU versions differ on the space before "%": always the narrow no-break space.
    text = PERCENT().format(shown).replace(/\s%/, '\u202F%');
    FORMATTED.set(shown, text);
  }
  return text;
}

/** Rates already formatted: Intl formatting costs more than the rest of an analysis's wording. */
const FORMATTED = new Map<number, string>();
const MAX_FORMATTED = 1000;
