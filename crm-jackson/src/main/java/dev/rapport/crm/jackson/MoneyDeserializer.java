package dev.rapport.crm.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.rapport.crm.common.Money;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;

/**
 * Reads {@code {"amount":"12.50","currency":"EUR"}}, the amount a string or a number (read
 * exactly, never through a double). A missing or bad amount or currency fails with the
 * {@code ValidationException} of {@link Money} as the cause.
 */
final class MoneyDeserializer extends StdDeserializer<Money> {
  private static final Method OF_NUMBER = factory(BigDecimal.class);
  private static final Method OF_TEXT = factory(String.class);

  MoneyDeserializer() {
    super(Money.class);
  }

  @Override
  public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      t = p.nextToken();
    } else if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
      return (Money) ctxt.handleUnexpectedToken(Money.class, p);
    }
    String text = null;
    BigDecimal number = null;
    String currency = null;
    for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "amount" -> {
          if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            number = p.getDecimalValue();
          } else if (value == JsonToken.VALUE_STRING) {
            text = p.getText();
          } else if (value != JsonToken.VALUE_NULL) {
            return (Money) ctxt.handleUnexpectedToken(BigDecimal.class, p);
          }
        }
        case "currency" -> {
          if (value == JsonToken.VALUE_STRING) {
            currency = p.getText();
          } else if (value != JsonToken.VALUE_NULL) {
            return (Money) ctxt.handleUnexpectedToken(String.class, p);
          }
        }
        default -> ctxt.handleUnknownProperty(p, this, Money.class, name);
      }
    }
    JavaType type = ctxt.constructType(Money.class);
    return number != null
        ? (Money) Construct.call(p, type, OF_NUMBER, number, currency)
        : (Money) Construct.call(p, type, OF_TEXT, text, currency);
  }

  private static Method factory(Class<?> amount) {
    try {
      return Money.class.getMethod("of", amount, String.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("Money.of(" + amount.getSimpleName() + ", String) is gone", e);
    }
  }
}
