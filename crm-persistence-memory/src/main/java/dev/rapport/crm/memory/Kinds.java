package dev.rapport.crm.memory;

import dev.rapport.crm.common.MatchKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;


/** The names of the secondary indexes; each repository defines its kind with them. Constants. */
final class Kinds {
  private Kinds() {}

  static final String EMAIL = "email";
  static final String STATUS = "status";
  static final String TEMPERATURE = "temperature";
  static final String OWNER = "owner";
  static final String SOURCE = "source";
  static final String INDUSTRY = "industry";
  /** A record's custom field values, each filed under {@link #field}. */
  static final String FIELD = "field";
  static final String ACCOUNT = "account";
  static final String STAGE = "stage";
  static final String NAME_KEY = "nameKey";
  static final String DOMAIN = "domain";
  static final String EXTERNAL_REFERENCE = "externalReference";
  static final String CAMPAIGN = "campaign";
  static final String RESPONDED = "responded";
  static final String ORIGIN_LEAD = "originLead";
  static final String CONVERTED_INTO = "convertedInto";
  static final String SUBJECT = "subject";
  static final String MATCH = "match";
  /** The trigrams of a lead's, contact's or account's search text ({@code SearchText#grams}). */
  static final String GRAM = "gram";
  /** The lead, contact and account an activity or task is linked to, by id: what a merge moves. */
  static final String LINKED = "linked";
  /** The lead or contact a campaign membership is of, by id: what a merge moves. */
  static final String PERSON = "person";

  /** The keys of {@link #LINKED}: the ids of the links' lead, contact and account. */
  static java.util.List<Object> linked(dev.rapport.crm.activity.Links links) {
    java.util.List<Object> keys = new java.util.ArrayList<>(2);
    links.lead().ifPresent(x -> keys.add(x.value()));
    links.contact().ifPresent(x -> keys.add(x.value()));
    links.account().ifPresent(x -> keys.add(x.value()));
    return keys;
  }

  /** The entries of a record in the {@link #MATCH} index: its e-mail, phone and name keys. */
  static List<String> matchKeys(MatchKeys keys) {
    List<String> out = new ArrayList<>(3);
    keys.email().ifPresent(e -> out.add("e:" + e));
    keys.phone().ifPresent(p -> out.add("p:" + p));
    out.add("n:" + keys.name());
    return out;
  }

  /** The records under any of the keys' look-ups, in id order, at most {@code limit}. */
  static <I extends Comparable<I>, R> List<R> byMatchKeys(MatchKeys keys, int limit,
      Function<String, List<R>> lookup, Function<R, I> id) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    limit = Math.min(limit, dev.rapport.crm.common.PageRequest.MAX_SIZE); // as the JPA adapter reads
    List<String> strong = new ArrayList<>(2);
    keys.email().ifPresent(e -> strong.add("e:" + e));
    keys.phone().ifPresent(p -> strong.add("p:" + p));
    List<String> names = new ArrayList<>(2);
    for (String n : keys.nameLookups()) {
      names.add("n:" + n);
    }
    // an address or number first, then names: a common name never crowds out an address's record
    java.util.LinkedHashMap<I, R> out = new java.util.LinkedHashMap<>();
    for (List<String> group : List.of(strong, names)) {
      TreeMap<I, R> found = new TreeMap<>();
      for (String k : group) {
        for (R r : lookup.apply(k)) {
          found.put(id.apply(r), r);
        }
      }
      for (Map.Entry<I, R> e : found.entrySet()) {
        if (out.size() == limit) {
          return List.copyOf(out.values());
        }
        out.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return List.copyOf(out.values());
  }

  /** The key a custom field value is filed under: its field key, type and written form. */
  static String field(String key, dev.rapport.crm.field.FieldValue value) {
    return key + '\u0000' + value.type() + '\u0000' + value.value();
  }

  /** The keys of {@link #FIELD}: one per value. */
  static java.util.List<Object> fields(dev.rapport.crm.field.CustomFields fields) {
    java.util.List<Object> keys = new java.util.ArrayList<>(fields.values().size());
    fields.values().forEach((k, v) -> keys.add(field(k, v)));
    return keys;
  }
}
