package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Single-value types (ids, tenant, codes, e-mail, phone) as map keys: the same string as their
 * JSON value, read back through the same factory, so a host's {@code Map<AccountId, Money>} survives.
 */
final class RapportKeys {
  private RapportKeys() {}

  /** Finds the key serializers. */
  static final class Writers extends Serializers.Base {
    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
      if (Shapes.of(type.getRawClass()) != Shapes.Shape.STRING) {
        return null;
      }
      StringValueSerializer value = new StringValueSerializer(type.getRawClass());
      return new StdSerializer<Object>(Object.class) {
        @Override
        public void serialize(Object key, JsonGenerator g, SerializerProvider provider) throws IOException {
          g.writeFieldName(value.text(key));
        }
      };
    }
  }

  /** Finds the key deserializers. */
  static final class Readers implements KeyDeserializers {
    @Override
    public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription beanDesc) {
      if (Shapes.of(type.getRawClass()) != Shapes.Shape.STRING) {
        return null;
      }
      StringValueDeserializer value = new StringValueDeserializer(type);
      return new KeyDeserializer() {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
          return value.fromText(key, ctxt.getParser(), ctxt);
        }
      };
    }
  }
}
