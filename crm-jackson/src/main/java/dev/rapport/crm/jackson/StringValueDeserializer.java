package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.UUID;

/**
 * Reads a single-value type from a JSON string: an id through its {@code parse(String)}, a
 * record of one {@code String} through its canonical constructor, {@code EmailAddress} and
 * {@code PhoneNumber} through {@code of(String)}. What they refuse is the cause of the failure.
 */
final class StringValueDeserializer extends StdScalarDeserializer<Object> {
  private final JavaType type;
  private final Executable factory;

  StringValueDeserializer(JavaType type) {
    super(type);
    this.type = type;
    this.factory = factory(type.getRawClass());
  }

  private static Executable factory(Class<?> raw) {
    if (raw.isRecord() && raw.getRecordComponents()[0].getType() == String.class) {
      return Construct.canonical(raw);
    }
    String name = raw.isRecord() ? "parse" : "of";
    try {
      Method m = raw.getMethod(name, String.class);
      if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == raw) {
        return m;
      }
    } catch (NoSuchMethodException e) {
      // an id without parse(String): its canonical constructor of a UUID
    }
    if (raw.isRecord() && raw.getRecordComponents()[0].getType() == UUID.class) {
      return Construct.canonical(raw);
    }
    throw new IllegalStateException(raw + " has no static " + name + "(String)");
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return ctxt.handleUnexpectedToken(type, p);
    }
    return fromText(p.getText(), p, ctxt);
  }

  /** The value of a JSON string or a map key. */
  Object fromText(String text, JsonParser p, DeserializationContext ctxt) throws IOException {
    Object argument = text;
    if (factory.getParameterTypes()[0] == UUID.class) {
      try {
        argument = UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        return ctxt.handleWeirdStringValue(type.getRawClass(), text, "not a UUID");
      }
    }
    return Construct.call(p, type, factory, argument);
  }
}
