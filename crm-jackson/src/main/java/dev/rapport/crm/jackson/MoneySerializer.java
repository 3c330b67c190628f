package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.rapport.crm.common.Money;
import java.io.IOException;

/** {@code {"amount":"12.50","currency":"EUR"}}: the amount as a plain string at its scale. */
final class MoneySerializer extends StdSerializer<Money> {
  MoneySerializer() {
    super(Money.class);
  }

  @Override
  public void serialize(Money value, JsonGenerator g, SerializerProvider provider) throws IOException {
    g.writeStartObject(value);
    fields(value, g);
    g.writeEndObject();
  }

  @Override
  public void serializeWithType(Money value, JsonGenerator g, SerializerProvider provider, TypeSerializer ts)
      throws IOException {
    WritableTypeId id = ts.writeTypePrefix(g, ts.typeId(value, JsonToken.START_OBJECT));
    fields(value, g);
    ts.writeTypeSuffix(g, id);
  }

  private static void fields(Money value, JsonGenerator g) throws IOException {
    g.writeStringField("amount", value.amount().toPlainString());
    g.writeStringField("currency", value.currency().getCurrencyCode());
  }
}
