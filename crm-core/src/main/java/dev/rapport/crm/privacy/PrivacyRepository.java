package dev.rapport.crm.privacy;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.service.ServiceCase;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What privacy reads and writes beyond the feature ports, inside one unit of work: a person's
 * cases and answers, the leads retention takes, the erased markers, and the copies of a person's
 * data an adapter keeps outside the records (merge records, outbox payloads).
 */
public interface PrivacyRepository {

  /** The service cases these contacts raised, in id order. */
  List<ServiceCase> casesOf(Collection<ContactId> contacts);

  /** The feedback answers these contacts gave, in id order. */
  List<Feedback> feedbackOf(Collection<ContactId> contacts);

  /**
   * Up to {@code limit} leads not converted and last changed ({@link Lead#updatedAt}) before
   * {@code cutoff}, with ids after {@code after} (keyset paging), in id order.
   */
  List<Lead> untouchedSince(Instant cutoff, Optional<LeadId> after, int limit);

  /** The erased markers with these keys: when each was erased. Keys without a marker are left out. */
  Map<String, Instant> markers(Collection<String> keys);

  /** Stores erased markers (keys already marked keep their first date). */
  void saveMarkers(UUID erasureId, Instant erasedAt, Collection<String> keys);

  /** Removes the marker with this key; whether there was one. */
  boolean deleteMarker(String key);

  /** Removes the suppressions of these addresses; returns how many there were. */
  int deleteSuppressions(Collection<dev.rapport.crm.common.EmailAddress> addresses);

  /**
   * Forgets the records of merges (undone or not) that merged or kept one of these records: they
   * hold copies of them. Returns how many merges were forgotten.
   */
  int forgetMerges(Collection<UUID> records);

  /**
   * Rewrites the stored payloads of events (delivered or not) of these aggregates: every text value
   * that contains one of {@code texts} (compared ignoring case) becomes {@code replacement}.
   * Returns how many events changed. An adapter without an outbox returns 0.
   */
  int scrubOutbox(Collection<UUID> aggregates, Collection<String> texts, String replacement);
}
