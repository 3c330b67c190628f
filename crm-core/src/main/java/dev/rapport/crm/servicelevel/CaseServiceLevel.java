package dev.rapport.crm.servicelevel;

import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.service.CasePriority;
import java.time.Instant;
import java.util.Optional;

/**
 * The service level of a case at a moment: see {@link ServiceLevelService#of}.
 *
 * @param caseId the case
 * @param tier its tier's name
 * @param rank its tier's rank, 0 for the best
 * @param priority its priority
 * @param asOf the moment
 * @param dueAt when its next target falls due while its clock runs ({@code ServiceCase.dueAt()})
 * @param response its first response target
 * @param resolution its resolution target
 */
public record CaseServiceLevel(CaseId caseId, String tier, int rank, CasePriority priority, Instant asOf,
    Optional<Instant> dueAt, TargetStatus response, TargetStatus resolution) {}
