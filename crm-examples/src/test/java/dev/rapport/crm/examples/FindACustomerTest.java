package dev.rapport.crm.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FindACustomerTest {
  @Test
  void eachSearchFindsTheCallerFirstAndTheErasedCallerIsNotFound() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int last = FindACustomer.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    String[] searches = buffer.toString(StandardCharsets.UTF_8).split("search \"");

    assertThat(searches[1]).startsWith("Jurgen Mueller\": \n  CONTACT Jürgen Müller (NAME,");
    assertThat(searches[2]).startsWith("0711 8842310\": \n  CONTACT Jürgen Müller (PHONE,");
    assertThat(searches[3]).startsWith("fjord analytcs\": \n  LEAD Siobhán O'Connor (COMPANY,");
    assertThat(searches[4]).startsWith("siobhan@fjord\": \n  LEAD Siobhán O'Connor (EMAIL,");
    assertThat(searches[5]).startsWith("k-20931\": \n  ACCOUNT Müller Präzisionstechnik GmbH (REFERENCE, 1.00)");
    assertThat(searches[6]).startsWith("oconnor\": \n  LEAD Siobhán O'Connor (NAME, 1.00)");
    assertThat(searches[7]).startsWith("Siobhan O'Connor\": nothing");
    assertThat(last).isZero();
  }
}
