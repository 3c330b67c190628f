package dev.rapport.crm.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.crm.Crm;
import dev.rapport.crm.io.ImportReport;
import dev.rapport.crm.io.LeadImport;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 22's memory import: {@code leads} leads read from CSV text into an empty memory store by
 * {@code crm-io}'s {@link LeadImport} (batches of 1,000 through {@code captureAll}), against a
 * hand-written loop that reads the same text with the same CSV parser into a {@code HashMap} by id,
 * lower-casing the address as the store's e-mail index would (no checks, no events, no timeline).
 * One import per measurement, a new store each time. Run through the runner's group {@code import}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ImportBenchmarks {

  /** The CSV text of {@code leads} leads, made once per trial, and a new store per import. */
  @State(Scope.Benchmark)
  public static class Data {
    @Param("1000000")
    public int leads;

    String text;
    Crm crm;

    @Setup(Level.Trial)
    public void text() {
      StringBuilder b = new StringBuilder("givenName,familyName,email,company,source,owner\n");
      for (int i = 0; i < leads; i++) {
        b.append(Fixture.given(i)).append(',').append(Fixture.family(i)).append(',')
            .append(Fixture.email("import", i)).append(',').append(Fixture.company(i)).append(',')
            .append(Fixture.source(i).code()).append(',').append(Fixture.owner(i)).append('\n');
      }
      text = b.toString();
    }

    @Setup(Level.Iteration)
    public void store() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("bench-import").build();
    }
  }

  /** A lead as the baseline keeps it. */
  record Row(UUID id, String given, String family, String email, String emailKey, String company,
      String source, String owner) {}

  @Benchmark
  public ImportReport importMemoryRapport(Data data) {
    return LeadImport.into(data.crm).csv(() -> new StringReader(data.text));
  }

  @Benchmark
  public Map<UUID, Row> importMemoryBaseline(Data data) throws IOException {
    Map<UUID, Row> rows = new HashMap<>();
    Map<String, UUID> byEmail = new HashMap<>();
    CsvMapper mapper = new CsvMapper();
    try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(new StringReader(data.text))) {
      while (it.hasNext()) {
        Map<String, String> v = it.next();
        UUID id = UUID.randomUUID();
        String key = v.get("email").toLowerCase(Locale.ROOT);
        rows.put(id, new Row(id, v.get("givenName"), v.get("familyName"), v.get("email"), key,
            v.get("company"), v.get("source"), v.get("owner")));
        byEmail.put(key, id);
      }
    }
    return rows;
  }
}
