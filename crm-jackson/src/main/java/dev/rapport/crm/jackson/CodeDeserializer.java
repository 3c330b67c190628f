package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.rapport.crm.exception.ValidationException;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a vocabulary of more than a code: a string names one of its well-known constants, an
 * object is read through the canonical constructor. An unknown code fails with a
 * {@code ValidationException} as the cause.
 */
final class CodeDeserializer extends StdDeserializer<Object> {
  private final JavaType type;
  private final RecordDeserializer asObject;
  private final Map<String, Object> constants;

  CodeDeserializer(JavaType type, RecordDeserializer asObject) {
    super(type);
    this.type = type;
    this.asObject = asObject;
    this.constants = Shapes.constants(type.getRawClass());
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      return asObject.deserialize(p, ctxt);
    }
    String code = p.getText();
    Object constant = constants.get(code);
    if (constant == null) {
      String simple = type.getRawClass().getSimpleName();
      String field = Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
      ValidationException cause = new ValidationException(field,
          "must be one of the well-known codes " + constants.keySet() + ", or an object with all of its components");
      throw ValueInstantiationException.from(p, "Cannot construct " + simple + ": " + cause.getMessage(), type, cause);
    }
    return constant;
  }
}
