package dev.rapport.crm.bench;

import dev.rapport.crm.common.Money;
import dev.rapport.crm.sales.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the value rules of {@code Limits} cost on every command: reading an amount with
 * {@code Money.of} (bounded length, magnitude before digits, the currency's scale) against a bare
 * {@code BigDecimal} parse and {@code setScale}, and checking a 200-character text (code points,
 * no NUL, no unpaired surrogate) against the strip-and-length check it replaced.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ValueChecks {
  private static final Currency EUR = Currency.getInstance("EUR");

  /** The inputs, in fields so that the JIT cannot fold them. */
  @State(Scope.Thread)
  public static class Inputs {
    String amount = "12345.67";
    String currency = "EUR";
    String text = "Ä".repeat(20) + "Acme Analytical Engines and Difference Machines Ltd, Research Division ".repeat(2)
        + "x".repeat(38); // 200 characters
    Money one = Money.of("1.00", "EUR");
  }

  @Benchmark
  public Money moneyRapport(Inputs in) {
    return Money.of(in.amount, in.currency);
  }

  @Benchmark
  public BigDecimal moneyBaseline(Inputs in) {
    Currency.getInstance(in.currency);
    return new BigDecimal(in.amount.strip()).setScale(EUR.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
  }

  /** The text rule through a public record that applies it and nothing more costly: an allocation. */
  @Benchmark
  public Allocation textRapport(Inputs in) {
    return new Allocation(in.text, in.one);
  }

  @Benchmark
  public String textBaseline(Inputs in) {
    String s = in.text.strip();
    if (s.isEmpty() || s.length() > 200) {
      throw new IllegalArgumentException();
    }
    return s;
  }
}
