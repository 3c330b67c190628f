package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ServeTheBestFirstTest {
  @Test
  void theBestCustomersAreServedFirstAndTheReportShowsIt() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ServeTheBestFirst.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("tier: Bäckerei Schmidt -> Gold\n", "tier: Hotel Adler -> Gold\n", "tier: Kiosk am Eck -> Standard\n");
    assertThat(out).contains("bakery's case opened at HIGH, due 2026-03-02 10:20\n");
    // the Gold case opened 20 minutes later is first in the queue
    assertThat(out).contains("queue: Wrong flour delivered (Gold), due 2026-03-02 10:20\n"
        + "queue: Delivery note missing (Standard), due 2026-03-02 17:00\n");
    // 80 % of 8 h after 09:00 is 15:24
    assertThat(out).contains("alert at 16:00: RESPONSE at risk for Delivery note missing\n");
    // Monday 10:00-17:00 and Tuesday 08:00-09:00; 7 h 20 min left from Tuesday 09:00
    assertThat(out).contains("bakery's case waited 8 business hours; resolution now due 2026-03-03 16:20\n");
    assertThat(out).contains("alert at 9:00: RESPONSE overdue for Delivery note missing\n");
    assertThat(out).contains("alerts on a second refresh: 0\n");
    assertThat(out).contains("kiosk's response: BREACHED after 9 business hours\n");
    assertThat(out).contains("report Gold: opened 1, answered in target 100.0 %, resolved in target 100.0 %, median response 40 min\n");
    assertThat(out).contains("report Standard: opened 1, answered in target 0.0 %, resolved in target -, median response 540 min\n");
  }
}
