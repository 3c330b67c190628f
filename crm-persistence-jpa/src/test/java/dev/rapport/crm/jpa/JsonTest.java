package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON of the compact columns: what the hand-written writer of versions up to 0.1 stored still
 * reads, and every text the core accepts survives a write and a read.
 */
class JsonTest {

  /** Columns exactly as the hand-written writer stored them (escapes in lower-case hex, emoji raw). */
  @Test
  void rowsWrittenByTheEarlierHandWrittenWriterStillRead() {
    String signals = "[{\"type\":\"demo_request\",\"intent\":\"BUYING\",\"at\":\"2025-03-03T09:00:00Z\","
        + "\"detail\":\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\u007f\uD83D\uDE00 \u00e9\"},"
        + "{\"type\":\"website_visit\",\"intent\":\"MARKETING\",\"at\":\"2025-03-04T09:00:00.000001Z\",\"detail\":null}]";
    List<Map<String, Object>> read = Json.readObjects(signals);
    assertThat(read).hasSize(2);
    assertThat(read.get(0).get("detail")).isEqualTo("a\"b\\c\n\r\t\b\f\u0001\u001f\u007f\uD83D\uDE00 \u00e9");
    assertThat(read.get(1)).containsEntry("detail", null).containsEntry("at", "2025-03-04T09:00:00.000001Z");
    assertThat(Json.readStrings("[\"+4930901820\",\"+442079460958\"]")).containsExactly("+4930901820", "+442079460958");
    assertThat(Json.read("{\"campaign\":\"Spring \\u0000?\",\"utmSource\":null}"))
        .isEqualTo(new LinkedHashMap<>(Map.of("campaign", "Spring \u0000?")) {{ put("utmSource", null); }});
  }

  @Test
  void everyTextTheCoreAcceptsSurvivesAWriteAndARead() {
    StringBuilder all = new StringBuilder();
    for (int cp = 1; cp < 0x3000; cp++) {
      if (!Character.isSurrogate((char) cp)) {
        all.appendCodePoint(cp);
      }
    }
    all.append("\uD83D\uDE00\uDBFF\uDFFF\uFFFE\uFFFF");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", all.toString());
    m.put("none", null);
    m.put("list", Arrays.asList("a", null, "b"));
    assertThat(Json.read(Json.write(m))).isEqualTo(m);
  }

  @Test
  void aCorruptColumnIsAClearError() {
    assertThatThrownBy(() -> Json.readObjects("[{\"type\":")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON");
  }
}
