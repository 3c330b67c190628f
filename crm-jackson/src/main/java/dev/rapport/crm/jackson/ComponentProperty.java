package dev.rapport.crm.jackson;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyMetadata;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.cfg.MapperConfig;

/**
 * A record component as Jackson's property: it asks the {@code java.time} serializers for ISO-8601
 * strings, also inside an {@code Optional} or a collection, whatever the mapper's
 * {@code WRITE_DATES_AS_TIMESTAMPS}. Other types get the mapper's defaults.
 */
final class ComponentProperty extends BeanProperty.Std {
  private static final JsonFormat.Value ISO = JsonFormat.Value.forShape(JsonFormat.Shape.STRING);

  ComponentProperty(String name, JavaType type) {
    super(PropertyName.construct(name), type, null, null, PropertyMetadata.STD_REQUIRED_OR_OPTIONAL);
  }

  @Override
  public JsonFormat.Value findPropertyFormat(MapperConfig<?> config, Class<?> baseType) {
    if (baseType != null && baseType.getName().startsWith("java.time.")) {
      return config.getDefaultPropertyFormat(baseType).withOverrides(ISO);
    }
    return super.findPropertyFormat(config, baseType);
  }
}
