package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.privacy.Erasure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ForgetACustomerTest {
  @Test
  void theTrailSaysWhoDidWhatTheExportHoldsOttoAndAfterTheErasureNothingNamesHimAndTheReportsStand() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Erasure erasure = ForgetACustomer.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("audit: ann LeadCaptured", "audit: bob LeadStatusChanged [status: NEW -> QUALIFIED",
        "audit: bob LeadConverted");
    assertThat(out).containsPattern("export: 1 lead, 1 contact, 1 activity, 1 answer, \\d+ audit entries; JSON of \\d+"
        + " characters, names Otto: true");
    assertThat(out).contains("erased: 1 lead, 1 contact, 1 activity, 1 answer");
    assertThat(out).contains("reports unchanged: true", "after erasure the contact names Otto: false, his address: false",
        "erased on: 2025-03-03T09:00:00Z", "old list refused: leads.email: belongs to a person erased on 2025-03-03");
    assertThat(erasure.auditEntries()).isPositive();
  }
}
