package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.rapport.crm.common.BusinessCalendar;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code BusinessCalendar} (a class, not a record) as the object of its parts: {@code
 * {"zone":"Europe/Berlin","week":{"MONDAY":[{"from":"09:00:00","to":"17:00:00"}],...},"holidays":[...]}},
 * read back through {@code BusinessCalendar.of}, whose refusals are Jackson's exception.
 */
final class CalendarJson {
  private CalendarJson() {}

  /** The parts, a record this module (de)serializes like Rapport's own. */
  record Parts(ZoneId zone, Map<DayOfWeek, List<BusinessCalendar.Hours>> week, List<BusinessCalendar.Holiday> holidays) {}

  static final class Serializer extends StdSerializer<BusinessCalendar> {
    Serializer() {
      super(BusinessCalendar.class);
    }

    @Override
    public void serialize(BusinessCalendar value, JsonGenerator g, SerializerProvider provider) throws IOException {
      provider.defaultSerializeValue(new Parts(value.zone(), value.week(), value.holidays()), g);
    }
  }

  static final class Deserializer extends StdDeserializer<BusinessCalendar> {
    Deserializer() {
      super(BusinessCalendar.class);
    }

    @Override
    public BusinessCalendar deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Parts parts = ctxt.readValue(p, Parts.class);
      try {
        return (BusinessCalendar) Construct.call(p, ctxt.constructType(BusinessCalendar.class),
            BusinessCalendar.class.getMethod("of", ZoneId.class, Map.class, List.class), parts.zone(), parts.week(),
            parts.holidays());
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
