package dev.rapport.crm.memory;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Merge;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.mail.MailSuppression;
import dev.rapport.crm.privacy.PrivacyRepository;
import dev.rapport.crm.service.ServiceCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Privacy in memory: the erased markers are a table of their own; a person's cases and answers
 * and the leads retention takes are found by a scan (neither table has an index by contact or by
 * change time); merge records naming the person's records are forgotten. There is no outbox here:
 * events go to listeners after commit, so nothing is stored to scrub.
 */
final class MemoryPrivacy implements PrivacyRepository {
  /** An erased marker: a key (a hash of the address), never the address. */
  record Marker(String key, TenantId tenantId, UUID erasureId, Instant erasedAt) {}

  /** Markers never change: their version is always 0. */
  static final Kind<String, Marker> MARKER_KIND = new Kind<>("erasure marker", Marker::key, m -> 0L, (m, v) -> m,
      Marker::tenantId, s -> s, List.of(), Optional.empty());

  private final MemoryUnitOfWork uow;

  MemoryPrivacy(MemoryUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public List<ServiceCase> casesOf(Collection<ContactId> contacts) {
    uow.requireOpen();
    Set<ContactId> who = new HashSet<>(contacts);
    List<ServiceCase> found = new ArrayList<>();
    uow.buffer(uow.store().cases).forEach(List.of(), c -> c.contactId().filter(who::contains).isPresent(), found::add);
    found.sort(Comparator.comparing(c -> c.id().value()));
    return found;
  }

  @Override
  public List<Feedback> feedbackOf(Collection<ContactId> contacts) {
    uow.requireOpen();
    Set<ContactId> who = new HashSet<>(contacts);
    List<Feedback> found = new ArrayList<>();
    uow.buffer(uow.store().feedback).forEach(List.of(), f -> who.contains(f.contactId()), found::add);
    found.sort(Comparator.comparing(f -> f.id().value()));
    return found;
  }

  @Override
  public List<Lead> untouchedSince(Instant cutoff, Optional<LeadId> after, int limit) {
    uow.requireOpen();
    List<Lead> found = new ArrayList<>();
    uow.buffer(uow.store().leads).forEach(List.of(), l -> l.status() != LeadStatus.CONVERTED
        && l.updatedAt().isBefore(cutoff) && after.map(a -> l.id().compareTo(a) > 0).orElse(true), found::add);
    return found.stream().sorted(Comparator.comparing(Lead::id)).limit(limit).toList();
  }

  @Override
  public Map<String, Instant> markers(Collection<String> keys) {
    uow.requireOpen();
    Buffer<String, Marker> markers = uow.buffer(uow.store().erasureMarkers);
    Map<String, Instant> found = new HashMap<>();
    for (String key : new LinkedHashSet<>(keys)) {
      markers.find(key).ifPresent(m -> found.put(key, m.erasedAt()));
    }
    return found;
  }

  @Override
  public void saveMarkers(UUID erasureId, Instant erasedAt, Collection<String> keys) {
    uow.requireOpen();
    Buffer<String, Marker> markers = uow.buffer(uow.store().erasureMarkers);
    for (String key : new LinkedHashSet<>(keys)) {
      if (markers.find(key).isEmpty()) {
        markers.insert(new Marker(key, uow.tenant(), erasureId, erasedAt));
      }
    }
  }

  @Override
  public boolean deleteMarker(String key) {
    uow.requireOpen();
    Buffer<String, Marker> markers = uow.buffer(uow.store().erasureMarkers);
    Optional<Marker> found = markers.find(key);
    found.ifPresent(markers::delete);
    return found.isPresent();
  }

  @Override
  public int deleteSuppressions(Collection<EmailAddress> addresses) {
    uow.requireOpen();
    Buffer<UUID, MailSuppression> suppressions = uow.buffer(uow.store().mailSuppressions);
    int deleted = 0;
    for (EmailAddress a : new LinkedHashSet<>(addresses)) {
      Optional<MailSuppression> found = suppressions.find(MailSuppression.idOf(a));
      if (found.isPresent()) {
        suppressions.delete(found.get());
        deleted++;
      }
    }
    return deleted;
  }

  @Override
  public int forgetMerges(Collection<UUID> records) {
    uow.requireOpen();
    Set<UUID> who = new HashSet<>(records);
    Buffer<UUID, Merge> merges = uow.buffer(uow.store().merges);
    List<Merge> found = new ArrayList<>();
    merges.forEach(List.of(), m -> who.contains(m.survivorKey()) || m.mergedKeys().stream().anyMatch(who::contains),
        found::add);
    Buffer<UUID, MemoryMerges.Moves> moves = uow.buffer(uow.store().mergeMoves);
    for (Merge m : found) {
      merges.delete(m);
      moves.find(m.id()).ifPresent(moves::delete);
    }
    return found.size();
  }

  @Override
  public int scrubOutbox(Collection<UUID> aggregates, Collection<String> texts, String replacement) {
    uow.requireOpen();
    return 0; // no outbox in memory
  }
}
