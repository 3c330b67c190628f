package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.analytics.Period;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;

/**
 * The analytics report of an example tenant: half a year of history (see {@link ExampleHistory})
 * on the memory adapter, rendered by {@code crm-reports}' {@link
 * dev.rapport.crm.reports.AnalyticsReport} as one self-contained HTML file.
 *
 * <p>Run it with {@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java
 * -Dexec.mainClass=dev.rapport.crm.examples.AnalyticsReport}; it writes {@code
 * crm-examples/target/analytics-report.html}, or the file named by its one argument.
 */
public final class AnalyticsReport {
  /** The days whose leads, visits and closings the report counts. */
  static final Period HISTORY = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
  /** The months of the forecast: the history and the quarter after it. */
  static final Period FORECAST = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 9, 30));

  private AnalyticsReport() {}

  /** Writes the report of the example tenant to {@code args[0]}, or to the default file. */
  public static void main(String[] args) throws IOException {
    Path out = args.length > 0 ? Paths.get(args[0]) : defaultFile();
    write(html(ExampleHistory.build()), out);
    System.out.println("wrote " + out.toAbsolutePath());
  }

  /** The page of the example tenant, as a host would ask for it. */
  static String html(Crm crm) {
    return dev.rapport.crm.reports.AnalyticsReport.of(crm, HISTORY).forecast(FORECAST)
        .asOf(ExampleHistory.TODAY).render();
  }

  /** {@code crm-examples/target/analytics-report.html} from the root, else {@code target/...}. */
  static Path defaultFile() {
    Path module = Paths.get("crm-examples");
    return Files.isDirectory(module) ? module.resolve("target/analytics-report.html")
        : Paths.get("target/analytics-report.html");
  }

  static void write(String html, Path out) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Files.writeString(out, html, StandardCharsets.UTF_8);
  }
}
