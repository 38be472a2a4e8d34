/**
 * L2-regularised logistic regression by full-batch gradient descent on standardised features.
 * Plain TypeScript and deterministic (zero start, fixed steps), so the same data gives the same model.
 */
export interface LogisticModel {
  weights: number[];
  bias: number;
  means: number[];
  scales: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits y ~ sigmoid(w.x + b).
 *
 * @example
 * const model = fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 0.01 });
 * predictLogistic(model, [3]) // => 0.9...
 */
export function fitLogistic(xs: readonly ArrayLike<number>[], ys: readonly number[], options: { l2: number; iterations?: number; learningRate?: number }): LogisticModel {
  const n = xs.length;
  const d = xs[0]?.length ?? 0;
  const means = new Array<number>(d).fill(0);
  const scales = new Array<number>(d).fill(0);
  for (const x of xs) for (let j = 0; j < d; j++) means[j] += x[j] / n;
  for (const x of xs) for (let j = 0; j < d; j++) scales[j] += (x[j] - means[j]) ** 2 / n;
  for (let j = 0; j < d; j++) scales[j] = Math.sqrt(scales[j]) || 1;
  const zs = xs.map((x) => Array.from(x, (v, j) => (v - means[j]) / scales[j]));

  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  const iterations = options.iterations ?? 500;
  const rate = options.learningRate ?? 0.5;
  const gradient = new Array<number>(d);
  for (let it = 0; it < iterations; it++) {
    gradient.fill(0);
    let gradientBias = 0;
    for (let i = 0; i < n; i++) {
      let z = bias;
      for (let j = 0; j < d; j++) z += weights[j] * zs[i][j];
      const error = sigmoid(z) - ys[i];
      gradientBias += error / n;
      for (let j = 0; j < d; j++) gradient[j] += (error * zs[i][j]) / n;
    }
    for (let j = 0; j < d; j++) weights[j] -= rate * (gradient[j] + options.l2 * weights[j]);
    bias -= rate * gradientBias;
  }
  return { weights, bias, means, scales };
}

/**
 * The churn probability the model gives an input, 0-1.
 *
 * @example
 * predictLogistic(fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 0.01 }), [0]) // => 0.0...
 */
export function predictLogistic(model: LogisticModel, x: ArrayLike<number>): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j++) z += model.weights[j] * ((x[j] - model.means[j]) / model.scales[j]);
  return sigmoid(z);
}

/**
 * Each feature's push on the log-odds for this input (standardised value x weight).
 *
 * @example
 * featureContributions(model, [3, 0]) // => [2.1, -0.02]: the first feature drives this prediction
 */
export function featureContributions(model: LogisticModel, x: readonly number[]): number[] {
  return model.weights.map((w, j) => w * ((x[j] - model.means[j]) / model.scales[j]));
}
