export interface VariablePay {
  /** Variable pay at 100 % attainment: base salary x variable share. */
  atTarget: number;
  /** What the attainment projects for the whole period. */
  projected: number;
  /** The projected pay's share already earned at the elapsed share of the period (pace to date). */
  toDate: number;
  attainment: number;
}

/**
 * Variable pay for the period: base salary x variable share x attainment, and its part earned to
 * date. The attainment is already capped measure by measure, so the pay never exceeds the highest
 * cap x the variable at target.
 *
 * @example
 * variablePay({ attainment: 110, baseSalaryForPeriod: 15_000, variableSharePercent: 15, elapsedShare: 0.5 })
 * // => { atTarget: 2250, projected: 2475, toDate: 1237.5, attainment: 110 }
 */
export function variablePay(input: { attainment: number; baseSalaryForPeriod: number; variableSharePercent: number; elapsedShare: number }): VariablePay {
  const atTarget = (input.baseSalaryForPeriod * input.variableSharePercent) / 100;
  const attainment = Math.max(0, input.attainment);
  const projected = (atTarget * attainment) / 100;
  return { atTarget, projected, toDate: projected * Math.min(1, Math.max(0, input.elapsedShare)), attainment };
}
