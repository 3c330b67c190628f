package dev.rapport.crm.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.Serializers;

/** Finds the serializer of each of Rapport's JSON types by its {@link Shapes.Shape}. */
final class RapportSerializers extends Serializers.Base {
  @Override
  public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
    Shapes.Shape shape = Shapes.of(type.getRawClass());
    if (shape == null) {
      return null;
    }
    return switch (shape) {
      case MONEY -> new MoneySerializer();
      case CALENDAR -> new CalendarJson.Serializer();
      case STRING -> new StringValueSerializer(type.getRawClass());
      case CODE_OR_OBJECT -> new CodeSerializer(new RecordSerializer(type, config.getTypeFactory()));
      case RECORD -> new RecordSerializer(type, config.getTypeFactory());
    };
  }
}
