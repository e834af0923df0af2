// Calendar days as ISO `YYYY-MM-DD` strings, the only form dates take
// between the page, the widget and the engine. Arithmetic in UTC, so a
// time zone or a daylight-saving change never shifts a day.

/** Milliseconds since the epoch at the start of `iso` (UTC). */
export const toUtc = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** The ISO day `n` days after `iso` (before it when `n` is negative). */
export const addDays = (iso, n) => new Date(toUtc(iso) + n * 86400000).toISOString().slice(0, 10);

/** Whole days from `a` to `b`. */
export const daysBetween = (a, b) => Math.round((toUtc(b) - toUtc(a)) / 86400000);

/** The weekday of `iso`, Monday = 0 … Sunday = 6. */
export const weekdayOf = (iso) => (new Date(toUtc(iso)).getUTCDay() + 6) % 7;
