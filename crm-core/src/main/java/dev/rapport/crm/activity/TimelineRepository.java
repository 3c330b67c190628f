package dev.rapport.crm.activity;

import dev.rapport.crm.spi.UnitOfWork;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The timeline index of one tenant, inside one {@link UnitOfWork}: entries filed under the
 * records (subjects) whose timelines show them. Entries are only added.
 */
public interface TimelineRepository {

  /** Files new entries (their ids are new). */
  void add(List<TimelineEntry> entries);

  /**
   * One page of the entries filed under any of the subjects, newest first: by
   * {@link TimelineEntry#occurredAt()} descending, then id descending. The cursor is the last
   * entry's id; the page after it holds the entries that sort after that entry. A bounded number
   * of statements, whatever the number of entries.
   *
   * @throws dev.rapport.crm.exception.NotFoundException (kind {@code timelineEntry}) if the cursor names no
   *     entry of the tenant
   */
  Page<TimelineEntry> page(Collection<UUID> subjects, PageRequest page);

  /** Every entry of the tenant, in id order (for exports and snapshots). */
  Page<TimelineEntry> list(PageRequest page);

  /** The leads converted into this contact or account (by their {@code convertedTo}), in id order. One query. */
  List<LeadId> leadsConvertedInto(UUID contactOrAccount);

  /** Every entry filed under this subject, in id order. */
  List<TimelineEntry> entriesOf(UUID subject);

  /** Every entry showing one of these activities or tasks ({@link TimelineEntry#refId()}), in id order. */
  List<TimelineEntry> entriesShowing(Collection<UUID> refs);

  /** Deletes these entries (unknown ones are skipped). */
  void delete(Collection<TimelineEntry> entries);

  /** Stores new summaries of these history entries (their other parts stay; unknown ones are skipped). */
  void rewrite(Collection<TimelineEntry> entries);
}
