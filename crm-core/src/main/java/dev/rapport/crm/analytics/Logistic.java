package dev.rapport.crm.analytics;

/**
 * L2-regularised logistic regression over binary features, fitted by Newton's method
 * (iteratively reweighted least squares) with step halving: deterministic, no randomness, the
 * same data gives the same weights to the last bit. Each row is the sorted, distinct indices of
 * its active features; the intercept is not penalised.
 */
final class Logistic {
  /** The most Newton steps. */
  static final int MAX_ITERATIONS = 30;
  /** Converged when no weight moves by more than this in a step. */
  static final double TOLERANCE = 1e-7;

  private Logistic() {}

  /**
   * The weights: {@code features} of them, then the intercept.
   *
   * @param rows each row's active features
   * @param won each row's label
   * @param features how many features there are
   * @param lambda the L2 penalty on each feature weight
   */
  static double[] fit(int[][] rows, boolean[] won, int features, double lambda) {
    int d = features + 1;
    double[] w = new double[d];
    long positives = 0;
    for (boolean y : won) {
      positives += y ? 1 : 0;
    }
    double rate = (positives + 0.5) / (won.length + 1.0);
    w[features] = Math.log(rate / (1 - rate));
    double loss = loss(rows, won, w, lambda);
    double[][] h = new double[d][d];
    double[] g = new double[d];
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      for (double[] row : h) {
        java.util.Arrays.fill(row, 0);
      }
      java.util.Arrays.fill(g, 0);
      for (int i = 0; i < rows.length; i++) {
        int[] x = rows[i];
        double p = sigmoid(eta(x, w, features));
        double r = p - (won[i] ? 1 : 0);
        double s = Math.max(p * (1 - p), 1e-12);
        for (int a = 0; a < x.length; a++) {
          int j = x[a];
          g[j] += r;
          double[] hj = h[j];
          for (int b = a; b < x.length; b++) {
            hj[x[b]] += s;
          }
          hj[features] += s;
        }
        g[features] += r;
        h[features][features] += s;
      }
      for (int j = 0; j < features; j++) {
        g[j] += lambda * w[j];
        h[j][j] += lambda;
      }
      h[features][features] += 1e-9;
      double[] step = solve(h, g);
      double scale = 1;
      double[] next = new double[d];
      double nextLoss = Double.POSITIVE_INFINITY;
      for (int halving = 0; halving < 30; halving++) {
        for (int j = 0; j < d; j++) {
          next[j] = w[j] - scale * step[j];
        }
        nextLoss = loss(rows, won, next, lambda);
        if (nextLoss <= loss) {
          break;
        }
        scale /= 2;
      }
      if (!(nextLoss <= loss)) {
        break; // no step lowers the loss: at the optimum to rounding
      }
      double moved = 0;
      for (int j = 0; j < d; j++) {
        moved = Math.max(moved, Math.abs(next[j] - w[j]));
      }
      System.arraycopy(next, 0, w, 0, d);
      loss = nextLoss;
      if (moved < TOLERANCE) {
        break;
      }
    }
    return w;
  }

  static double eta(int[] x, double[] w, int intercept) {
    double e = w[intercept];
    for (int j : x) {
      e += w[j];
    }
    return e;
  }

  static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  /** The penalised negative log-likelihood. */
  private static double loss(int[][] rows, boolean[] won, double[] w, double lambda) {
    int intercept = w.length - 1;
    double l = 0;
    for (int i = 0; i < rows.length; i++) {
      double z = eta(rows[i], w, intercept);
      // log(1 + e^z) - y z, computed without overflow
      double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
      l += softplus - (won[i] ? z : 0);
    }
    double penalty = 0;
    for (int j = 0; j < intercept; j++) {
      penalty += w[j] * w[j];
    }
    return l + lambda / 2 * penalty;
  }

  /**
   * Solves {@code h x = g} for a symmetric positive definite {@code h} of which only the upper
   * triangle ({@code h[i][j]}, {@code j >= i}) is filled, by Cholesky decomposition.
   */
  static double[] solve(double[][] h, double[] g) {
    int n = g.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = j <= i ? upper(h, j, i) : 0;
        double[] li = l[i];
        double[] lj = l[j];
        for (int k = 0; k < j; k++) {
          sum -= li[k] * lj[k];
        }
        if (i == j) {
          li[i] = Math.sqrt(Math.max(sum, 1e-12));
        } else {
          li[j] = sum / lj[j];
        }
      }
    }
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = g[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * y[k];
      }
      y[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = y[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }

  private static double upper(double[][] h, int i, int j) {
    return i <= j ? h[i][j] : h[j][i];
  }
}
