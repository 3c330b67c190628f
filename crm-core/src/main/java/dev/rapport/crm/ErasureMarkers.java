package dev.rapport.crm;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.internal.ErasureKeys;
import dev.rapport.crm.internal.context.ErasedPeople;
import dev.rapport.crm.privacy.PrivacyRepository;
import dev.rapport.crm.spi.UnitOfWork;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The erased markers as capture and contact creation read them (through the privacy port, which
 * the feature packages below privacy cannot name). Holds only the tenant.
 */
final class ErasureMarkers implements ErasedPeople {
  private final TenantId tenant;

  ErasureMarkers(TenantId tenant) {
    this.tenant = tenant;
  }

  @Override
  public Optional<Instant> erasedOn(UnitOfWork uow, Collection<EmailAddress> addresses) {
    if (addresses.isEmpty()) {
      return Optional.empty();
    }
    return uow.port(PrivacyRepository.class).markers(addresses.stream().distinct()
        .map(a -> ErasureKeys.of(tenant.value(), a.normalized())).toList()).values().stream().min(Comparator.naturalOrder());
  }
}
