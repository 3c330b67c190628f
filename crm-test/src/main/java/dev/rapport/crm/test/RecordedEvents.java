package dev.rapport.crm.test;

import dev.rapport.crm.event.CrmEvent;
import dev.rapport.crm.event.CrmEventListener;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The events a test's {@code Crm} delivered, oldest first: a {@link CrmEventListener} that keeps
 * them. Thread-safe.
 */
public final class RecordedEvents implements CrmEventListener {
  private final List<CrmEvent> events = new CopyOnWriteArrayList<>();

  RecordedEvents() {}

  @Override
  public void on(CrmEvent event) {
    events.add(event);
  }

  /** Every event so far, oldest first: an unmodifiable copy. */
  public List<CrmEvent> all() {
    return List.copyOf(events);
  }

  /** The events of one type, oldest first. */
  public <E extends CrmEvent> List<E> ofType(Class<E> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The newest event of one type.
   *
   * @throws NoSuchElementException if there is none
   */
  public <E extends CrmEvent> E last(Class<E> type) {
    List<E> found = ofType(type);
    if (found.isEmpty()) {
      throw new NoSuchElementException("no " + type.getSimpleName() + " among " + events.size() + " events: " + names());
    }
    return found.get(found.size() - 1);
  }

  /** Forgets every event so far: what happens next is what the test looks at. */
  public void clear() {
    events.clear();
  }

  /** How many events so far. */
  public int size() {
    return events.size();
  }

  @Override
  public String toString() {
    return names().toString();
  }

  private List<String> names() {
    return events.stream().map(e -> e.getClass().getSimpleName()).toList();
  }
}
