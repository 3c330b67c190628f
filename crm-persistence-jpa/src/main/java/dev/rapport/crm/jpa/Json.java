package dev.rapport.crm.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;

/**
 * The JSON of this adapter's compact columns (lead signals, phone numbers, stage history, source
 * detail) and its outbox payloads, through Jackson: objects, arrays, strings, numbers, booleans
 * and null. Reads what the hand-written writer of earlier versions stored (standard JSON).
 */
final class Json {
  // immutable and thread-safe once built: constants, not state
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final ObjectWriter WRITER = MAPPER.writer();
  private static final ObjectReader VALUE = MAPPER.readerFor(Object.class);
  private static final ObjectReader OBJECTS = MAPPER.readerFor(new TypeReference<List<Map<String, Object>>>() {});
  private static final ObjectReader STRINGS = MAPPER.readerFor(new TypeReference<List<String>>() {});

  private Json() {}

  /** Writes a value: a {@code Map<String, ?>}, a {@code List<?>}, a String, Number, Boolean or null. */
  static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass() + " as JSON", e);
    }
  }

  /**
   * Reads a value: objects become {@code LinkedHashMap<String, Object>}, arrays {@code List<Object>}.
   *
   * @throws IllegalArgumentException if the text is not JSON
   */
  static Object read(String text) {
    return read(VALUE, text);
  }

  /** Reads an array of objects, as this adapter writes its lists. */
  static List<Map<String, Object>> readObjects(String text) {
    return read(OBJECTS, text);
  }

  /** Reads an array of strings. */
  static List<String> readStrings(String text) {
    return read(STRINGS, text);
  }

  private static <T> T read(ObjectReader reader, String text) {
    try {
      return reader.readValue(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON in a Rapport column: " + e.getOriginalMessage(), e);
    }
  }
}
