package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a record's JSON object through its canonical constructor, so every rule of the record
 * holds: a refusal is a {@code ValueInstantiationException} with the {@code ValidationException}
 * as its cause. A null or absent {@code Optional} is empty; another absent component is passed
 * as null (the constructor names it), an absent primitive fails naming it.
 */
final class RecordDeserializer extends StdDeserializer<Object> {
  private final JavaType type;
  private final String[] names;
  private final JavaType[] types;
  private final ComponentProperty[] properties;
  private final Map<String, Integer> index = new HashMap<>();
  private final Constructor<?> constructor;
  private volatile JsonDeserializer<Object>[] deserializers;
  private volatile TypeDeserializer[] typeDeserializers;

  RecordDeserializer(JavaType type, TypeFactory typeFactory) {
    super(type);
    this.type = type;
    RecordComponent[] components = type.getRawClass().getRecordComponents();
    names = new String[components.length];
    types = new JavaType[components.length];
    properties = new ComponentProperty[components.length];
    for (int i = 0; i < components.length; i++) {
      names[i] = components[i].getName();
      types[i] = typeFactory.resolveMemberType(components[i].getGenericType(), type.getBindings());
      properties[i] = new ComponentProperty(names[i], types[i]);
      index.put(names[i], i);
    }
    constructor = Construct.canonical(type.getRawClass());
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      t = p.nextToken();
    } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
      return ctxt.handleUnexpectedToken(type, p);
    }
    resolve(ctxt);
    JsonDeserializer<Object>[] deser = deserializers;
    TypeDeserializer[] typeDeser = typeDeserializers;
    Object[] args = new Object[names.length];
    boolean[] seen = new boolean[names.length];
    for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      Integer i = index.get(name);
      if (i == null) {
        ctxt.handleUnknownProperty(p, this, type.getRawClass(), name);
        continue;
      }
      try {
        if (value == JsonToken.VALUE_NULL) {
          args[i] = deser[i].getNullValue(ctxt);
        } else if (typeDeser[i] != null) {
          args[i] = deser[i].deserializeWithType(p, ctxt, typeDeser[i]);
        } else {
          args[i] = deser[i].deserialize(p, ctxt);
        }
      } catch (JsonMappingException e) { // the path names the component: lines[1].quantity
        throw JsonMappingException.wrapWithPath(e, type.getRawClass(), name);
      }
      seen[i] = true;
    }
    for (int i = 0; i < names.length; i++) {
      if (!seen[i]) {
        args[i] = absent(i, ctxt);
      }
    }
    return Construct.call(p, type, constructor, args);
  }

  private Object absent(int i, DeserializationContext ctxt) throws JsonMappingException {
    Class<?> raw = types[i].getRawClass();
    if (raw == Optional.class) {
      return Optional.empty();
    } else if (raw == OptionalInt.class) {
      return OptionalInt.empty();
    } else if (raw == OptionalLong.class) {
      return OptionalLong.empty();
    } else if (raw == OptionalDouble.class) {
      return OptionalDouble.empty();
    } else if (raw.isPrimitive()) {
      return ctxt.reportPropertyInputMismatch(type, names[i], "Missing property '%s' of %s", names[i],
          type.getRawClass().getSimpleName());
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private void resolve(DeserializationContext ctxt) throws JsonMappingException {
    if (deserializers != null) {
      return;
    }
    JsonDeserializer<Object>[] d = (JsonDeserializer<Object>[]) new JsonDeserializer<?>[types.length];
    TypeDeserializer[] td = new TypeDeserializer[types.length];
    for (int i = 0; i < types.length; i++) {
      d[i] = ctxt.findContextualValueDeserializer(types[i], properties[i]);
      td[i] = ctxt.getFactory().findTypeDeserializer(ctxt.getConfig(), types[i]);
    }
    typeDeserializers = td;
    deserializers = d;
  }
}
