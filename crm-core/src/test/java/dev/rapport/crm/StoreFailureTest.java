package dev.rapport.crm;

import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.StoreException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.spi.Persistence;
import dev.rapport.crm.spi.UnitOfWork;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Whatever a store throws that is not one of Rapport's exceptions reaches callers as a {@link StoreException}. */
class StoreFailureTest {

  /** A store whose connection is gone. */
  static final class BrokenStore implements Persistence {
    final RuntimeException failure;

    BrokenStore(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public <T> T inUnitOfWork(TenantId tenant, Function<UnitOfWork, T> work) {
      throw failure;
    }
  }

  @Test
  void aStoreFailureInACommandOrAQueryIsAStoreExceptionWithTheCause() {
    IllegalStateException lost = new IllegalStateException("connection reset");
    Crm crm = Crm.builder().persistence(new BrokenStore(lost)).tenant(TenantId.of("t")).build();
    assertThatThrownBy(() -> crm.leads().capture(NewLead.builder(PersonName.of("Ann"), LeadSource.OTHER).build()))
        .isInstanceOf(StoreException.class).hasCause(lost).hasMessageContaining("connection reset");
    assertThatThrownBy(() -> crm.leads().find(LeadId.of(UUID.randomUUID())))
        .isInstanceOf(StoreException.class).hasCause(lost);
  }

  @Test
  void rapportsOwnRejectionsFromAStorePassUnchanged() {
    DuplicateException taken = new DuplicateException("account", "externalReference", "C-1");
    Crm crm = Crm.builder().persistence(new BrokenStore(taken)).tenant(TenantId.of("t")).build();
    assertThatThrownBy(() -> crm.leads().find(LeadId.of(UUID.randomUUID()))).isSameAs(taken);
  }
}
