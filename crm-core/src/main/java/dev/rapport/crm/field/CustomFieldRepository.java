package dev.rapport.crm.field;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The port to the tenant's custom field definitions, and to the values its records hold of one
 * field (what a change of a definition checks). Every method works within the unit of work's
 * tenant. {@code CustomFieldContract} in the TCK checks an adapter.
 */
public interface CustomFieldRepository {

  /** The fields of one kind of record, removed ones included, in key order. */
  List<CustomField> fields(RecordKind kind);

  /** The fields of every kind, removed ones included, by kind and then key. */
  List<CustomField> all();

  /** The field of the kind with the key, removed or not, if there is one. */
  Optional<CustomField> find(RecordKind kind, String key);

  /** Stores a new field. */
  void insert(CustomField field);

  /** Stores the new state of a field already stored (same kind and key). */
  void update(CustomField field);

  /** Deletes the field of the kind with the key (what a rename does before it stores it anew). */
  void delete(RecordKind kind, String key);

  /** The records of the kind that hold a value for {@code key}: their ids and values, in id order. */
  List<Holder> holding(RecordKind kind, String key);

  /** Up to {@code limit} records of the kind without a value for {@code key}, in id order. */
  List<UUID> lacking(RecordKind kind, String key, int limit);

  /**
   * Checks a record's values as it is written against the fields of its kind ({@link
   * CustomField#check}); what every service does before it stores a record.
   *
   * @throws dev.rapport.crm.exception.ValidationException as {@link CustomField#check}
   */
  default void check(RecordKind kind, CustomFields before, CustomFields after) {
    CustomField.check(fields(kind), before, after);
  }

  /**
   * A record's id and custom values.
   *
   * @param id the record's id
   * @param fields its values
   */
  record Holder(UUID id, CustomFields fields) {}
}
