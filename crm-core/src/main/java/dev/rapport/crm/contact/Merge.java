package dev.rapport.crm.contact;

import dev.rapport.crm.common.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One merge of records into a survivor, as adapters store it: of contacts ({@link ContactMerge}),
 * of accounts ({@link AccountMerge}) or of leads ({@code dev.rapport.crm.lead.LeadMerge}). What the
 * services return is the concrete type; this face is what {@link MergeRepository} files and looks
 * up, and {@link #kind()} says which type to read a stored merge back as. Only those three
 * implement it.
 */
public interface Merge {

  /** What was merged. */
  enum Kind {
    /** Contacts ({@link ContactMerge}). */
    CONTACT,
    /** Accounts ({@link AccountMerge}). */
    ACCOUNT,
    /** Leads ({@code dev.rapport.crm.lead.LeadMerge}). */
    LEAD
  }

  /** The merge's id. */
  UUID id();

  /** The tenant. */
  TenantId tenantId();

  /** What was merged. */
  Kind kind();

  /** When it was made. */
  Instant mergedAt();

  /** When it was undone, if it was. */
  Optional<Instant> undoneAt();

  /** The id of the survivor. */
  UUID survivorKey();

  /** The ids of the records merged into it, in order. */
  List<UUID> mergedKeys();

  /** The external references the merged records held (accounts only), which lead to the survivor. */
  List<String> mergedReferences();

  /** Whether it was undone. */
  default boolean undone() {
    return undoneAt().isPresent();
  }
}
