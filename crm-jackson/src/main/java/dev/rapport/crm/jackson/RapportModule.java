package dev.rapport.crm.jackson;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.exception.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Jackson module that writes and reads every public value, record and event of Rapport, so a
 * host can put them in REST responses or on a message broker:
 *
 * <pre>{@code
 * JsonMapper mapper = JsonMapper.builder().addModule(new RapportModule()).build();
 * String json = mapper.writeValueAsString(lead);
 * CrmEvent event = mapper.readValue(message, CrmEvent.class);
 * }</pre>
 *
 * <p>{@code ObjectMapper.findAndRegisterModules()} finds it too (a {@code ServiceLoader} entry).
 * It brings {@link Jdk8Module} and {@link JavaTimeModule} with it as dependencies; a mapper that
 * registers them itself as well gets each once.
 *
 * <p>The JSON shapes:
 *
 * <ul>
 *   <li>Ids ({@code LeadId}, {@code AccountId}, ...) are their UUID string, {@code TenantId} its
 *       string, {@code EmailAddress} and {@code PhoneNumber} (E.164) strings; as map keys (a
 *       host's {@code Map<AccountId, Money>}) the same strings.
 *   <li>Vocabularies ({@code LeadSource}, {@code LostReason}, {@code Channel},
 *       {@code ActivityType}, ...) are their code string; {@code SignalType} and
 *       {@code ResponseStatus} too when they are one of their well-known constants, otherwise an
 *       object of their components (a host's own signal type keeps its intent).
 *   <li>{@code Money} is {@code {"amount":"12.50","currency":"EUR"}}: the amount a string, so its
 *       scale survives every JSON library; a number is read as well. Every other decimal of a
 *       Rapport record (a sale line's {@code "quantity":"2.5"}) is a string too, read from a string
 *       or a number; whole counts ({@code version}, {@code score}) are JSON numbers.
 *   <li>Other records are objects of their components, in declaration order. An empty
 *       {@code Optional} is written as {@code null}; {@code null} or an absent property reads back
 *       as empty. {@code java.time} values are ISO-8601 strings ({@code "2026-01-05T09:00:00Z"},
 *       {@code "2026-01-05"}, {@code "PT12M"}) whatever the mapper's date features say, enums
 *       their constant's name.
 *   <li>Events carry their type as the property {@code "eventType"}, the simple name of the
 *       record ({@code "LeadCaptured"}; not {@code "type"}, which {@code ActivityLogged} has as a
 *       component), so {@code readValue(json, CrmEvent.class)} returns the right
 *       record. An event carries it wherever it is written, also as an element of a plain
 *       {@code List} whose element type Java's erasure hides. Every permitted subtype of {@code CrmEvent} is registered, so a new event needs
 *       no change here.
 * </ul>
 *
 * <p>Records are read through their canonical constructors: JSON that breaks one of Rapport's
 * rules fails with a {@code JsonMappingException} (a {@code ValueInstantiationException}) whose
 * cause is the {@code ValidationException} naming the field and the rule; {@link #rejection}
 * gives it with the whole path ({@code lines[1].quantity}). An unknown property
 * fails unless the mapper disables {@code FAIL_ON_UNKNOWN_PROPERTIES}. Commands made with a
 * builder ({@code NewLead}, {@code LeadUpdate}, {@code NewOpportunity}, ...) are not JSON
 * types: a host maps its own request to them.
 *
 * <p>Immutable and stateless: one instance may be registered with any number of mappers.
 */
public final class RapportModule extends Module {
  /** The property that names an event's type, e.g. {@code "eventType": "LeadCaptured"}. */
  public static final String EVENT_TYPE = "eventType";

  /** Creates the module. */
  public RapportModule() {}

  @Override
  public String getModuleName() {
    return "RapportModule";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public Object getTypeId() {
    return RapportModule.class.getName();
  }

  /** {@link Jdk8Module} for {@code Optional}, {@link JavaTimeModule} for {@code java.time}. */
  @Override
  public Iterable<? extends Module> getDependencies() {
    return List.of(new Jdk8Module(), new JavaTimeModule());
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addSerializers(new RapportSerializers());
    context.addDeserializers(new RapportDeserializers());
    context.addKeySerializers(new RapportKeys.Writers());
    context.addKeyDeserializers(new RapportKeys.Readers());
    context.setMixInAnnotations(CrmEvent.class, EventMixin.class);
    context.registerSubtypes(dev.rapport.crm.Crm.eventTypes().stream()
        .map(c -> new NamedType(c, c.getSimpleName()))
        .toArray(NamedType[]::new));
  }

  /**
   * The {@link ValidationException} behind a failed read, its field the whole JSON path from the
   * document's root: reading {@code {"lines":[{...},{"quantity":"0",...}]}} fails on
   * {@code lines[1].quantity}, where the exception the record threw names only {@code quantity}. For
   * a host's error handler (Rapport's Spring Boot starter uses it for its 400 answers).
   *
   * @param failure what {@code readValue} threw, or anything that wraps it
   * @return the rejection with its path, or empty if no {@code ValidationException} caused the failure
   * @throws NullPointerException if {@code failure} is null
   */
  public static Optional<ValidationException> rejection(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    JsonMappingException mapping = null;
    ValidationException cause = null;
    for (Throwable t = failure; t != null && cause == null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonMappingException m && mapping == null) {
        mapping = m;
      }
      if (t instanceof ValidationException v) {
        cause = v;
      }
    }
    if (cause == null) {
      return Optional.empty();
    }
    StringBuilder path = new StringBuilder();
    if (mapping != null) {
      for (JsonMappingException.Reference ref : mapping.getPath()) {
        if (ref.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
    }
    return Optional.of(path.length() == 0 ? cause : cause.within(path.toString()));
  }

  /** Gives {@link CrmEvent} its type property without an annotation in the core. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = EVENT_TYPE)
  interface EventMixin {}
}
