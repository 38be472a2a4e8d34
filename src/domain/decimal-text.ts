/**
 * `String(scaled / 10 ** digits)` for a whole number `scaled` of tenths (1 digit) or hundredths (2):
 * a rounded figure as text ("12.3", "-0.5", "7"), spelled from its digits.
 *
 * V8 writes a fraction by searching for the shortest text that reads back as the same double, which
 * was a third of the health components' own time (line profile of the engine on the demo portal).
 * For a whole number of tenths or hundredths under 1e9 in magnitude, that shortest text is its
 * decimal digits with trailing zeros dropped: the quotient is the double nearest to that decimal,
 * and no shorter decimal is as near. Anything else (NaN, infinities, larger magnitudes, a `scaled`
 * that is not whole) takes String's own path. A test holds the two equal.
 *
 * @example
 * scaledDecimal(Math.round(12.345 * 10), 1) // => '12.3'
 * scaledDecimal(-50, 2) // => '-0.5'
 */
export function scaledDecimal(scaled: number, digits: 1 | 2): string {
  const divisor = digits === 1 ? 10 : 100;
  if (!(Number.isInteger(scaled) && Math.abs(scaled) < 1e9)) return String(scaled / divisor);
  const magnitude = Math.abs(scaled);
  const whole = Math.floor(magnitude / divisor), fraction = magnitude - whole * divisor;
  // -0 is not below 0: it reads "0", as String(-0) does.
  const sign = scaled < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  if (digits === 1) return `${sign}${whole}.${fraction}`;
  if (fraction % 10 === 0) return `${sign}${whole}.${fraction / 10}`;
  return `${sign}${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}
