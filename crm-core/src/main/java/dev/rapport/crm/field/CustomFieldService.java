package dev.rapport.crm.field;

import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.context.CrmContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's custom fields: the fields it adds to leads, contacts, accounts, opportunities and
 * service cases, each with a type and rules. A record's values are set with the {@code fields}
 * of its draft ({@code NewLead.Builder.fields}, ...) and the {@code setFields} of its service
 * ({@code crm.leads().setFields(id, values)}, ...), checked against the fields of its kind
 * whenever it is written. Obtain it from {@code crm.customFields()}.
 *
 * <p>Changing a field is safe: {@link #change} checks every stored value of the field against the
 * new definition first (and, if it becomes required, that every record has one) and refuses,
 * naming records that break it; {@link #remove} keeps the values readable on the records that
 * have them.
 */
public final class CustomFieldService {
  /** How many offending records a refusal names. */
  static final int NAMED = 5;

  private final CrmContext ctx;

  CustomFieldService(CrmContext ctx) {
    this.ctx = ctx;
  }

  /** The id events carry for a field: a name-based UUID of its kind and key. */
  static UUID idOf(RecordKind kind, String key) {
    return UUID.nameUUIDFromBytes(("custom_field:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Defines a field. Raises {@link CustomFieldDefined}.
   *
   * @return the field as stored
   * @throws ValidationException if the field is null or marked removed, or is required while
   *     records of its kind exist (define it optional, give every record a value, then make it
   *     required with {@link #change})
   * @throws DuplicateException if the kind has a field with the key already (removed ones too)
   */
  public CustomField define(CustomField field) {
    Check.notNull(field, "field");
    if (field.removed()) {
      throw new ValidationException("removed", "a new field is not removed");
    }
    return ctx.command(cmd -> {
      CustomFieldRepository repo = cmd.uow().port(CustomFieldRepository.class);
      if (repo.find(field.kind(), field.key()).isPresent()) {
        throw new DuplicateException("custom field", "key", field.kind() + "." + field.key());
      }
      if (field.required()) {
        requireEveryRecordHasOne(repo, field);
      }
      repo.insert(field);
      cmd.raise(new CustomFieldDefined(ctx.tenant(), ctx.now(), field));
      return field;
    });
  }

  /**
   * Changes a field: its label, its rules (required, options, longest text, range) or its type.
   * Every value stored for it must fit the new definition, and if it becomes required every record
   * of its kind must have one; otherwise nothing changes. Raises {@link CustomFieldChanged} (none
   * if nothing differs).
   *
   * @param field the field as it is to be, of the same kind and key
   * @return the field as stored
   * @throws ValidationException if the field is null or marked removed (use {@link #remove}), or
   *     (field {@code fields.<key>}) stored values break the new definition, naming up to five
   *     records and how many in all
   * @throws NotFoundException if the kind has no field with the key
   * @throws IllegalTransitionException if the field was removed
   */
  public CustomField change(CustomField field) {
    Check.notNull(field, "field");
    if (field.removed()) {
      throw new ValidationException("removed", "must be false: remove a field with remove(kind, key)");
    }
    return ctx.command(cmd -> {
      CustomFieldRepository repo = cmd.uow().port(CustomFieldRepository.class);
      CustomField before = existing(repo, field.kind(), field.key());
      if (before.equals(field)) {
        return before;
      }
      List<String> misfits = new ArrayList<>();
      long count = 0;
      for (CustomFieldRepository.Holder h : repo.holding(field.kind(), field.key())) {
        Optional<String> why = h.fields().get(field.key()).flatMap(field::misfit);
        if (why.isPresent()) {
          if (misfits.size() < NAMED) {
            misfits.add(name(field.kind()) + " " + h.id() + " (" + h.fields().get(field.key()).orElseThrow() + ": "
                + why.get() + ")");
          }
          count++;
        }
      }
      if (count > 0) {
        throw new ValidationException("fields." + field.key(), count + " stored "
            + (count == 1 ? "value does" : "values do") + " not fit the new definition: " + String.join(", ", misfits)
            + (count > misfits.size() ? ", ..." : ""));
      }
      if (field.required() && !before.required()) {
        requireEveryRecordHasOne(repo, field);
      }
      repo.update(field);
      cmd.raise(new CustomFieldChanged(ctx.tenant(), ctx.now(), before, field));
      return field;
    });
  }

  /**
   * Renames a field's key, keeping its values: the field is stored under the new key, and every
   * record of its kind that has a value of it has the value under the new key (stored anew: its
   * version moves on; its last change stays). One command: all or nothing. Raises {@link
   * CustomFieldRenamed}.
   *
   * @return the field under its new key
   * @throws ValidationException if an argument is null or the new key is not 1 to 50 of {@code
   *     [a-z0-9_]}
   * @throws NotFoundException if the kind has no field with the key
   * @throws IllegalTransitionException if the field was removed
   * @throws DuplicateException if the kind has a field with the new key (removed ones too)
   */
  public CustomField rename(RecordKind kind, String key, String newKey) {
    Check.notNull(kind, "kind");
    Check.notNull(key, "key");
    Check.notNull(newKey, "newKey");
    return ctx.command(cmd -> {
      CustomFieldRepository repo = cmd.uow().port(CustomFieldRepository.class);
      CustomField before = existing(repo, kind, key);
      CustomField after = new CustomField(kind, newKey, before.label(), before.type(), before.required(),
          before.options(), before.maxLength(), before.min(), before.max(), false, before.predictive());
      if (newKey.equals(key)) {
        return before;
      }
      if (repo.find(kind, newKey).isPresent()) {
        throw new DuplicateException("custom field", "key", kind + "." + newKey);
      }
      repo.delete(kind, key);
      repo.insert(after);
      int moved = ctx.setting(dev.rapport.crm.internal.context.FieldKeys.class).move(cmd, kind.name(), key, newKey);
      cmd.raise(new CustomFieldRenamed(ctx.tenant(), ctx.now(), kind, key, newKey, moved));
      return after;
    });
  }

  /**
   * Removes a field: it takes no new values and is no longer required; the values records have of
   * it stay, readable, and are kept when those records are written. It stays listed by
   * {@link #fields} (marked removed), and its key is not free for a new field. Raises {@link
   * CustomFieldRemoved} (none if it was removed already).
   *
   * @return the field as stored, marked removed
   * @throws ValidationException if an argument is null
   * @throws NotFoundException if the kind has no field with the key
   */
  public CustomField remove(RecordKind kind, String key) {
    Check.notNull(kind, "kind");
    Check.notNull(key, "key");
    return ctx.command(cmd -> {
      CustomFieldRepository repo = cmd.uow().port(CustomFieldRepository.class);
      CustomField before = repo.find(kind, key).orElseThrow(() -> new NotFoundException("custom field", kind + "." + key));
      if (before.removed()) {
        return before;
      }
      CustomField removed = before.asRemoved();
      repo.update(removed);
      cmd.raise(new CustomFieldRemoved(ctx.tenant(), ctx.now(), kind, key));
      return removed;
    });
  }

  /**
   * The fields of a kind of record, removed ones included, in key order.
   *
   * @throws ValidationException if the kind is null
   */
  public List<CustomField> fields(RecordKind kind) {
    Check.notNull(kind, "kind");
    return ctx.read(uow -> uow.port(CustomFieldRepository.class).fields(kind));
  }

  /**
   * The field of a kind with a key, removed or not, or empty.
   *
   * @throws ValidationException if an argument is null
   */
  public Optional<CustomField> find(RecordKind kind, String key) {
    Check.notNull(kind, "kind");
    Check.notNull(key, "key");
    return ctx.read(uow -> uow.port(CustomFieldRepository.class).find(kind, key));
  }

  private static CustomField existing(CustomFieldRepository repo, RecordKind kind, String key) {
    CustomField f = repo.find(kind, key).orElseThrow(() -> new NotFoundException("custom field", kind + "." + key));
    if (f.removed()) {
      throw new IllegalTransitionException("custom field", "REMOVED", "CHANGED",
          kind + "." + key + " was removed; define a field with another key");
    }
    return f;
  }

  private static void requireEveryRecordHasOne(CustomFieldRepository repo, CustomField field) {
    List<UUID> lacking = repo.lacking(field.kind(), field.key(), NAMED + 1);
    if (!lacking.isEmpty()) {
      List<String> named = new ArrayList<>();
      for (UUID id : lacking.subList(0, Math.min(NAMED, lacking.size()))) {
        named.add(name(field.kind()) + " " + id);
      }
      throw new ValidationException("fields." + field.key(), "cannot be required while records have no value: "
          + String.join(", ", named) + (lacking.size() > NAMED ? ", ..." : "") + "; give them one first");
    }
  }

  private static String name(RecordKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
