package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * A vocabulary of more than a code ({@code SignalType}, {@code ResponseStatus}): its code string
 * when it is one of the type's well-known constants, otherwise the object of its components.
 */
final class CodeSerializer extends StdSerializer<Object> {
  private final RecordSerializer asObject;
  private final Map<String, Object> constants;
  private final Method code;

  CodeSerializer(RecordSerializer asObject) {
    super(asObject.handledType());
    this.asObject = asObject;
    this.constants = Shapes.constants(handledType());
    this.code = handledType().getRecordComponents()[0].getAccessor();
  }

  @Override
  public void serialize(Object value, JsonGenerator g, SerializerProvider provider) throws IOException {
    String c = wellKnown(value);
    if (c != null) {
      g.writeString(c);
    } else {
      asObject.serialize(value, g, provider);
    }
  }

  @Override
  public void serializeWithType(Object value, JsonGenerator g, SerializerProvider provider, TypeSerializer ts)
      throws IOException {
    String c = wellKnown(value);
    if (c != null) {
      WritableTypeId id = ts.writeTypePrefix(g, ts.typeId(value, JsonToken.VALUE_STRING));
      g.writeString(c);
      ts.writeTypeSuffix(g, id);
    } else {
      asObject.serializeWithType(value, g, provider, ts);
    }
  }

  private String wellKnown(Object value) {
    try {
      String c = (String) code.invoke(value);
      return value.equals(constants.get(c)) ? c : null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + code, e);
    }
  }
}
