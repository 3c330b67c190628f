package dev.rapport.crm.internal.context;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether people with these addresses were erased: read by capture and contact creation, so that
 * an import cannot silently bring an erased person back. Implemented above the feature packages.
 * Internal: may change without notice.
 */
public interface ErasedPeople {
  /** Nobody was erased (a {@code Crm} built without privacy). */
  ErasedPeople NONE = (uow, addresses) -> Optional.empty();

  /** The {@code Crm}'s check, or {@link #NONE} if it has none. */
  static ErasedPeople of(CrmContext ctx) {
    ErasedPeople found = ctx.settingOrNull(ErasedPeople.class);
    return found == null ? NONE : found;
  }

  /** When a person with one of these addresses was erased (the earliest), if one was. One query. */
  Optional<Instant> erasedOn(UnitOfWork uow, Collection<EmailAddress> addresses);

  /**
   * Refuses the addresses of an erased person with a {@code ValidationException} on {@code field}.
   */
  default void refuseErased(UnitOfWork uow, Collection<EmailAddress> addresses, String field) {
    if (addresses.isEmpty()) {
      return;
    }
    erasedOn(uow, addresses).ifPresent(at -> {
      throw new dev.rapport.crm.exception.ValidationException(field, "belongs to a person erased on "
          + at.toString().substring(0, 10) + ": if they came back of their own accord, call"
          + " crm.privacy().allowReturn(address) first");
    });
  }
}
