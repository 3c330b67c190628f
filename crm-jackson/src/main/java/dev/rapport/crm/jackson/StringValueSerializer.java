package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.lang.reflect.Method;

/**
 * A single-value type as a JSON string: a record's one component (an id's UUID, a tenant, a
 * code), or the text form of {@code EmailAddress} and {@code PhoneNumber}.
 */
final class StringValueSerializer extends StdScalarSerializer<Object> {
  private final Method component;

  StringValueSerializer(Class<?> type) {
    super(type, false);
    this.component = type.isRecord() ? type.getRecordComponents()[0].getAccessor() : null;
  }

  @Override
  public void serialize(Object value, JsonGenerator g, SerializerProvider provider) throws IOException {
    g.writeString(text(value));
  }

  /** The string of a value, as a JSON string or a map key. */
  String text(Object value) {
    if (component == null) {
      return value.toString();
    }
    try {
      return String.valueOf(component.invoke(value));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
