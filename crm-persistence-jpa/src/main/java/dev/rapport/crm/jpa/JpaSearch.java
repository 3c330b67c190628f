package dev.rapport.crm.jpa;

import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.search.SearchQuery;
import dev.rapport.crm.search.SearchRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Search on the JPA adapter, from the search text each row carries (schema version 15): one
 * native select of whole rows per kind (a contact's addresses in a second). On PostgreSQL the rows
 * come from {@code crm_search}: the {@code pg_trgm} indexes narrow, {@code word_similarity} ranks,
 * at most {@code limit} come back. On H2 and MariaDB, which have no trigram index, the select reads
 * the rows whose fields hold enough of the query's trigrams ({@code LIKE} patterns: {@link
 * SearchQuery#likePattern}), and the core ranks them.
 */
final class JpaSearch implements SearchRepository {
  private static final String[] LEAD_TEXT = {"search_name", "search_company", "search_email"};
  private static final String[] CONTACT_TEXT = {"search_name", "search_email"};
  private static final String[] ACCOUNT_TEXT = {"search_name", "search_domain", "search_reference"};

  private final JpaUnitOfWork uow;

  JpaSearch(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public List<Lead> leads(SearchQuery query, int limit) {
    List<Object> params = new ArrayList<>();
    return ((JpaLeads) uow.leads()).nativeList(sql("crm_lead", LEAD_TEXT, "search_phone", query, limit, params), params);
  }

  @Override
  public List<Contact> contacts(SearchQuery query, int limit) {
    List<Object> params = new ArrayList<>();
    return ((JpaContacts) uow.contacts()).nativeList(
        sql("crm_contact", CONTACT_TEXT, "search_phone", query, limit, params), params);
  }

  @Override
  public List<Account> accounts(SearchQuery query, int limit) {
    List<Object> params = new ArrayList<>();
    return ((JpaAccounts) uow.accounts()).nativeList(sql("crm_account", ACCOUNT_TEXT, null, query, limit, params),
        params);
  }

  @Override
  public int indexUnindexed(int limit) {
    uow.requireOpen();
    int done = ((JpaLeads) uow.leads()).indexUnindexed(limit);
    if (done < limit) {
      done += ((JpaContacts) uow.contacts()).indexUnindexed(limit - done);
    }
    if (done < limit) {
      done += ((JpaAccounts) uow.accounts()).indexUnindexed(limit - done);
    }
    return done;
  }

  /**
   * Writes the search text of the rows, one native update per row: no provider raises the version
   * of a row it does not write itself (EclipseLink raises it in a JPQL bulk update). {@code
   * search_name} is never null afterwards (a blank when nothing of the name is searchable): it
   * tells an indexed row.
   */
  static <E> int index(JpaUnitOfWork uow, String table, List<E> found, java.util.function.Function<E, UUID> id,
      java.util.function.Function<E, java.util.Map<String, String>> columns) {
    for (E e : found) {
      java.util.Map<String, String> values = columns.apply(e);
      StringBuilder sql = new StringBuilder("update ").append(table).append(" set ");
      List<String> params = new ArrayList<>();
      for (java.util.Map.Entry<String, String> c : values.entrySet()) {
        sql.append(params.isEmpty() ? "" : ", ").append(c.getKey());
        if (c.getValue() == null) {
          sql.append(" = null");
        } else {
          params.add(c.getValue());
          sql.append(" = ?").append(params.size());
        }
      }
      params.add(uow.tenant().value());
      sql.append(" where tenant_id = ?").append(params.size());
      jakarta.persistence.Query q = uow.em().createNativeQuery(sql.append(" and id = ?").append(params.size() + 1)
          .toString());
      for (int i = 0; i < params.size(); i++) {
        q.setParameter(i + 1, params.get(i));
      }
      q.setParameter(params.size() + 1, id.apply(e));
      q.executeUpdate();
    }
    return found.size();
  }

  /** The select of the kind's rows the query may find; its parameters added to {@code params}. */
  private String sql(String table, String[] textColumns, String phoneColumn, SearchQuery query, int limit,
      List<Object> params) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    params.add(uow.tenant().value());
    return uow.postgres() ? postgres(table, textColumns, phoneColumn, query, limit, params)
        : scan(table, textColumns, phoneColumn, query, params);
  }

  /**
   * One call of {@code crm_search} (schema version 15) joined to the rows, best first; the table
   * and column names are this class's constants.
   */
  private static String postgres(String table, String[] textColumns, String phoneColumn, SearchQuery query,
      int limit, List<Object> params) {
    params.add(query.folded());
    params.add(query.digits().orElse(""));
    params.add(query.owner().orElse(""));
    params.add(query.minimumSimilarity());
    params.add(limit);
    return "select e.* from crm_search('" + table + "', array['" + String.join("', '", textColumns) + "'], "
        + (phoneColumn == null ? "cast(null as text)" : "'" + phoneColumn + "'")
        + ", cast(?1 as varchar), cast(?2 as text), cast(?3 as text), cast(?4 as varchar), cast(?5 as float8),"
        + " cast(?6 as integer)) s join " + table + " e on e.tenant_id = ?1 and e.id = s.id";
  }

  /**
   * The rows of the tenant (and owner) with a field holding at least {@link
   * SearchQuery#minimumShared} of the query's trigrams: one condition per field, a sum of {@code
   * LIKE} tests.
   */
  private static String scan(String table, String[] textColumns, String phoneColumn, SearchQuery query,
      List<Object> params) {
    StringBuilder sql = new StringBuilder("select e.* from ").append(table).append(" e where e.tenant_id = ?1");
    if (query.owner().isPresent()) {
      params.add(query.owner().get());
      sql.append(" and e.owner = ?").append(params.size());
    }
    List<String> text = query.grams();
    List<String> digits = query.digitGrams();
    List<String> conditions = new ArrayList<>();
    for (String column : textColumns) {
      conditions.add(shares(column, text, query.minimumShared(text.size()), params));
    }
    if (phoneColumn != null && !digits.isEmpty()) {
      conditions.add(shares(phoneColumn, digits, query.minimumShared(digits.size()), params));
    }
    return sql.append(" and (").append(String.join(" or ", conditions)).append(')').toString();
  }

  private static String shares(String column, List<String> grams, int least, List<Object> params) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < grams.size(); i++) {
      if (i > 0) {
        b.append(" + ");
      }
      params.add(SearchQuery.likePattern(grams.get(i)));
      b.append("case when e.").append(column).append(" like ?").append(params.size()).append(" then 1 else 0 end");
    }
    return b.append(") >= ").append(least).toString();
  }
}
