package dev.rapport.crm.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.jackson.RapportModule;

/**
 * An event as the JSON payload of its outbox row, in crm-jackson's one shape for events: one
 * member per record component, in declaration order; ids, codes, enums, instants and days as text
 * (ISO-8601), an empty {@code Optional} as null, money as {@code {"amount": "1250.00", "currency":
 * "EUR"}}, links as {@code {"lead": <id or null>, ...}}. The type is not in the payload: it has
 * its own column ({@link #type}). Rows written before crm-jackson wrote them differ in one place:
 * an activity's or task's links were the text {@code "lead=<id> account=<id>"}; they read all the
 * same.
 */
final class EventPayloads {
  // immutable and thread-safe once built: a constant, not state
  private static final ObjectMapper EVENTS = JsonMapper.builder().addModule(new RapportModule()).build();

  private EventPayloads() {}

  /** The event's type name in the outbox: its simple class name, e.g. {@code LeadCaptured}. */
  static String type(CrmEvent event) {
    return event.getClass().getSimpleName();
  }

  static String payload(CrmEvent event) {
    ObjectNode tree = EVENTS.valueToTree(event);
    tree.remove(RapportModule.EVENT_TYPE); // the row's event_type column says it
    try {
      return EVENTS.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + event + " as JSON", e);
    }
  }

  /**
   * The links of an activity or task event as outbox rows written before 0.1 held them, the text
   * {@code "lead=<id> account=<id>"}, as the object crm-jackson reads.
   */
  private static ObjectNode legacyLinks(String text) {
    ObjectNode links = EVENTS.createObjectNode();
    for (String part : text.strip().split("\\s+")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        links.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return links;
  }

  /** The event of an outbox row: its payload read by crm-jackson as the type the row names. */
  static CrmEvent read(String type, String payload) {
    try {
      ObjectNode tree = (ObjectNode) EVENTS.readTree(payload);
      if (tree.path("links").isTextual()) {
        tree.set("links", legacyLinks(tree.get("links").asText()));
      }
      ObjectNode typed = EVENTS.createObjectNode().put(RapportModule.EVENT_TYPE, type);
      typed.setAll(tree);
      return EVENTS.treeToValue(typed, CrmEvent.class);
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("the outbox payload of a " + type + " does not read as one: " + e.getMessage(), e);
    }
  }
}
