package dev.rapport.crm.dedupe;

import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What capturing a lead ({@code crm.leads().capture}, {@code captureAll}, the importer),
 * creating a contact ({@code crm.contacts().create}) and creating an account ({@code
 * crm.accounts().create}) do when the tenant already has a likely duplicate of the new record (by
 * {@link DuplicateService#leadsLike}, {@link DuplicateService#contactsLike} or {@link
 * DuplicateService#accountsLike}): {@link #allow()} (the default: no look-up at all), {@link
 * #warn} the host and go on, or {@link #refuse()} with a {@link DuplicateException} naming the
 * match, storing nothing. Set with {@code Crm.builder().duplicatePolicy(...)}. The look-up costs
 * one indexed query per new record.
 *
 * <p>An immutable value.
 */
public final class DuplicatePolicy {
  enum Mode { ALLOW, WARN, REFUSE }

  private final Mode mode;
  private final Optional<Consumer<DuplicateWarning>> listener;
  private final DuplicateMatcher matcher;

  private DuplicatePolicy(Mode mode, Optional<Consumer<DuplicateWarning>> listener, DuplicateMatcher matcher) {
    this.mode = mode;
    this.listener = listener;
    this.matcher = matcher;
  }

  /** Stores every new record without looking for duplicates. */
  public static DuplicatePolicy allow() {
    return new DuplicatePolicy(Mode.ALLOW, Optional.empty(), DuplicateMatcher.standard());
  }

  /**
   * Stores every new record, and tells {@code listener} of those that look like stored ones,
   * inside the command, before it commits (in the caller's thread; an exception it throws
   * fails the command).
   *
   * @throws ValidationException if the listener is null
   */
  public static DuplicatePolicy warn(Consumer<DuplicateWarning> listener) {
    Check.notNull(listener, "listener");
    return new DuplicatePolicy(Mode.WARN, Optional.of(listener), DuplicateMatcher.standard());
  }

  /** Refuses a new record that looks like a stored one with a {@link DuplicateException}. */
  public static DuplicatePolicy refuse() {
    return new DuplicatePolicy(Mode.REFUSE, Optional.empty(), DuplicateMatcher.standard());
  }

  /**
   * This policy judging with another matcher (e.g. another threshold).
   *
   * @throws ValidationException if it is null
   */
  public DuplicatePolicy withMatcher(DuplicateMatcher m) {
    Check.notNull(m, "matcher");
    return new DuplicatePolicy(mode, listener, m);
  }

  /** The matcher this policy judges with; {@code crm.duplicates()} uses it too. */
  public DuplicateMatcher matcher() {
    return matcher;
  }

  Mode mode() {
    return mode;
  }

  Optional<Consumer<DuplicateWarning>> listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "DuplicatePolicy[" + mode.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
