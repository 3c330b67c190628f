package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.impl.TypeWrappedSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.rapport.crm.event.CrmEvent;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * A record as the JSON object of its components, in declaration order, and nothing else (no
 * {@code isOpen()}-style derived values). An empty {@code Optional} is written as {@code null}, a
 * {@code BigDecimal} (a sale line's quantity) as a string, as {@code Money}'s amount is.
 * An event starts with its {@code eventType} however it is reached.
 */
final class RecordSerializer extends StdSerializer<Object> {
  private final String[] names;
  private final Method[] accessors;
  private final JavaType[] types;
  private final ComponentProperty[] properties;
  /** The serializer of each component's declared type, resolved on first use (a benign race). */
  private volatile JsonSerializer<Object>[] serializers;
  /** An event's type name, written in every case; null for other records. */
  private final String eventType;

  @SuppressWarnings("unchecked")
  RecordSerializer(JavaType type, TypeFactory typeFactory) {
    super((Class<Object>) type.getRawClass());
    eventType = CrmEvent.class.isAssignableFrom(type.getRawClass()) ? type.getRawClass().getSimpleName() : null;
    RecordComponent[] components = type.getRawClass().getRecordComponents();
    names = new String[components.length];
    accessors = new Method[components.length];
    types = new JavaType[components.length];
    properties = new ComponentProperty[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      accessors[i] = components[i].getAccessor();
      accessors[i].trySetAccessible();
      types[i] = typeFactory.resolveMemberType(components[i].getGenericType(), type.getBindings());
      properties[i] = new ComponentProperty(names[i], types[i]);
    }
  }

  @Override
  public void serialize(Object value, JsonGenerator g, SerializerProvider provider) throws IOException {
    g.writeStartObject(value);
    if (eventType != null) {
      g.writeStringField(RapportModule.EVENT_TYPE, eventType);
    }
    fields(value, g, provider);
    g.writeEndObject();
  }

  @Override
  public void serializeWithType(Object value, JsonGenerator g, SerializerProvider provider, TypeSerializer ts)
      throws IOException {
    if (eventType != null) { // the same id the type serializer would write
      serialize(value, g, provider);
      return;
    }
    WritableTypeId id = ts.writeTypePrefix(g, ts.typeId(value, JsonToken.START_OBJECT));
    fields(value, g, provider);
    ts.writeTypeSuffix(g, id);
  }

  private void fields(Object value, JsonGenerator g, SerializerProvider provider) throws IOException {
    JsonSerializer<Object>[] resolved = serializers(provider);
    for (int i = 0; i < names.length; i++) {
      Object v;
      try {
        v = accessors[i].invoke(value);
      } catch (ReflectiveOperationException e) {
        throw JsonMappingException.from(provider, "cannot read " + accessors[i], e);
      }
      g.writeFieldName(names[i]);
      if (v == null) {
        provider.defaultSerializeNull(g);
      } else if (v instanceof java.math.BigDecimal d) { // as Money's amount: a string keeps the scale
        g.writeString(d.toPlainString());
      } else if (resolved[i] == null) { // a type variable: the value's own class
        provider.findPrimaryPropertySerializer(v.getClass(), properties[i]).serialize(v, g, provider);
      } else {
        resolved[i].serialize(v, g, provider);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private JsonSerializer<Object>[] serializers(SerializerProvider provider) throws JsonMappingException {
    JsonSerializer<Object>[] s = serializers;
    if (s == null) {
      s = (JsonSerializer<Object>[]) new JsonSerializer<?>[types.length];
      for (int i = 0; i < types.length; i++) {
        if (types[i].getRawClass() == Object.class) {
          continue;
        }
        JsonSerializer<Object> ser = provider.findPrimaryPropertySerializer(types[i], properties[i]);
        TypeSerializer ts = provider.findTypeSerializer(types[i]);
        s[i] = ts == null ? ser : new TypeWrappedSerializer(ts, ser);
      }
      serializers = s;
    }
    return s;
  }
}
