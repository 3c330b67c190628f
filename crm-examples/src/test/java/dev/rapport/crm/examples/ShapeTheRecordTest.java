package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShapeTheRecordTest {
  @Test
  void theStoryCountsRefusesCarriesAndGuardsTheFields() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ShapeTheRecord.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("enterprise leads: 2\n");
    assertThat(out).contains("refused: fields.seats must be at most 5000\n");
    assertThat(out).contains("account Lovelace Ltd: seats 250, edition enterprise, renews 2027-06-30\n");
    // only Alan's 900 seats break it (Ada's lead, converted, keeps its 250)
    assertThat(out).contains("refused: fields.seats 1 stored value does not fit the new definition: lead <id> (900: must be at most 500)");
    assertThat(out).contains("lead field seats is now labelled Licensed seats\n");
  }
}
