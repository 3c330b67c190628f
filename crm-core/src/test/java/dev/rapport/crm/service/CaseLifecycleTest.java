package dev.rapport.crm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseLifecycleTest {
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  private static ServiceCase fresh() {
    return ServiceCase.open(CaseId.of(UUID.randomUUID()), TenantId.of("t"),
        NewCase.builder(AccountId.of(UUID.randomUUID()), "Help").build(), T0);
  }

  @Test
  void theMovesAreExactlyTheDocumentedOnes() {
    Set<CaseStatus> working = EnumSet.of(CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED);
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus to : CaseStatus.values()) {
        boolean expected = switch (from) {
          case NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, REOPENED -> working.contains(to) && to != from;
          case RESOLVED -> to == CaseStatus.CLOSED || to == CaseStatus.REOPENED;
          case CLOSED -> false;
        };
        assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(expected);
      }
    }
    assertThat(CaseStatus.OPEN).containsExactlyInAnyOrder(CaseStatus.NEW, CaseStatus.IN_PROGRESS,
        CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.REOPENED);
  }

  @Test
  void leavingNewIsTheFirstResponseAndResolvingNeedsAResolution() {
    ServiceCase c = fresh().moveTo(CaseStatus.WAITING_ON_CUSTOMER, T0.plusSeconds(60));
    assertThat(c.firstResponseAt()).contains(T0.plusSeconds(60));
    assertThatThrownBy(() -> c.moveTo(CaseStatus.RESOLVED, T0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> c.resolve(" ", T0)).isInstanceOf(ValidationException.class);
    ServiceCase r = c.resolve("done", T0.plusSeconds(120));
    assertThat(r.resolvedAt()).contains(T0.plusSeconds(120));
    assertThat(r.moveTo(CaseStatus.CLOSED, T0.plusSeconds(180)).resolution()).contains("done");
    assertThatThrownBy(() -> r.moveTo(CaseStatus.CLOSED, T0).moveTo(CaseStatus.REOPENED, T0))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aCaseThatDisagreesWithItsStatusCannotBeBuilt() {
    ServiceCase c = fresh();
    assertThatThrownBy(() -> new ServiceCase(c.id(), c.tenantId(), 0, c.accountId(), Optional.empty(), "S",
        Optional.empty(), CasePriority.LOW, CaseStatus.RESOLVED, Optional.empty(), Optional.empty(), T0, T0,
        Optional.of(T0), Optional.of(T0), c.fields(), Optional.empty())).hasMessageContaining("resolution");
    assertThatThrownBy(() -> new ServiceCase(c.id(), c.tenantId(), 0, c.accountId(), Optional.empty(), "S",
        Optional.empty(), CasePriority.LOW, CaseStatus.IN_PROGRESS, Optional.empty(), Optional.empty(), T0, T0,
        Optional.empty(), Optional.empty(), c.fields(), Optional.empty())).hasMessageContaining("firstResponseAt");
  }
}
