package dev.rapport.crm.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;

/** Finds the deserializer of each of Rapport's JSON types by its {@link Shapes.Shape}. */
final class RapportDeserializers extends Deserializers.Base {
  @Override
  public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
      BeanDescription beanDesc) {
    Shapes.Shape shape = Shapes.of(type.getRawClass());
    if (shape == null) {
      return null;
    }
    return switch (shape) {
      case MONEY -> new MoneyDeserializer();
      case CALENDAR -> new CalendarJson.Deserializer();
      case STRING -> new StringValueDeserializer(type);
      case CODE_OR_OBJECT -> new CodeDeserializer(type, new RecordDeserializer(type, config.getTypeFactory()));
      case RECORD -> new RecordDeserializer(type, config.getTypeFactory());
    };
  }
}
