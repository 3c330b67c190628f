package dev.rapport.crm.jpa;

import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.search.SearchQuery;
import dev.rapport.crm.search.SearchRepository;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Search on the JPA adapter, from the search text each row carries (schema version 15). On
 * PostgreSQL one call of {@code crm_search_leads} (or {@code _contacts}, {@code _accounts}) per
 * kind: the {@code pg_trgm} indexes narrow, {@code word_similarity} ranks, at most {@code limit}
 * ids come back; then one query loads those records. On H2 and MariaDB, which have no trigram
 * index, one query reads the ids of the rows whose fields hold enough of the query's trigrams
 * ({@code LIKE} patterns: {@link SearchQuery#likePattern}), and the core ranks the records.
 */
final class JpaSearch implements SearchRepository {
  private final JpaUnitOfWork uow;

  JpaSearch(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public List<Lead> leads(SearchQuery query, int limit) {
    List<UUID> ids = ids("crm_lead", "crm_search_leads",
        new String[] {"search_name", "search_company", "search_email"}, "search_phone", query, limit);
    return ((JpaLeads) uow.leads()).byIds(ids);
  }

  @Override
  public List<Contact> contacts(SearchQuery query, int limit) {
    List<UUID> ids = ids("crm_contact", "crm_search_contacts",
        new String[] {"search_name", "search_email"}, "search_phone", query, limit);
    return uow.contacts().findAll(ids.stream().map(ContactId::new).toList());
  }

  @Override
  public List<Account> accounts(SearchQuery query, int limit) {
    List<UUID> ids = ids("crm_account", "crm_search_accounts",
        new String[] {"search_name", "search_domain", "search_reference"}, null, query, limit);
    return ((JpaAccounts) uow.accounts()).byIds(ids);
  }

  private List<UUID> ids(String table, String function, String[] textColumns, String phoneColumn,
      SearchQuery query, int limit) {
    uow.requireOpen();
    Objects.requireNonNull(query, "query");
    Query q = uow.postgres() ? postgres(function, query, limit) : scan(table, textColumns, phoneColumn, query);
    List<UUID> ids = new ArrayList<>();
    for (Object row : q.getResultList()) {
      ids.add(UUID.fromString(row.toString().strip()));
    }
    return ids;
  }

  private Query postgres(String function, SearchQuery query, int limit) {
    return uow.em().createNativeQuery("select cast(id as varchar) from " + function
            + "(cast(?1 as varchar), cast(?2 as text), cast(?3 as text), cast(?4 as varchar),"
            + " cast(?5 as float8), cast(?6 as integer))")
        .setParameter(1, uow.tenant().value())
        .setParameter(2, query.folded())
        .setParameter(3, query.digits().orElse(""))
        .setParameter(4, query.owner().orElse(""))
        .setParameter(5, query.minimumSimilarity())
        .setParameter(6, limit);
  }

  /**
   * The rows of the tenant (and owner) with a field holding at least {@link
   * SearchQuery#minimumShared} of the query's trigrams: one condition per field, a sum of {@code
   * LIKE} tests.
   */
  private Query scan(String table, String[] textColumns, String phoneColumn, SearchQuery query) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select cast(id as char(36)) from ").append(table)
        .append(" where tenant_id = ?1");
    params.add(uow.tenant().value());
    if (query.owner().isPresent()) {
      params.add(query.owner().get());
      sql.append(" and owner = ?").append(params.size());
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
    sql.append(" and (").append(String.join(" or ", conditions)).append(')');
    Query q = uow.em().createNativeQuery(sql.toString());
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    return q;
  }

  private static String shares(String column, List<String> grams, int least, List<Object> params) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < grams.size(); i++) {
      if (i > 0) {
        b.append(" + ");
      }
      params.add(SearchQuery.likePattern(grams.get(i)));
      b.append("case when ").append(column).append(" like ?").append(params.size()).append(" then 1 else 0 end");
    }
    return b.append(") >= ").append(least).toString();
  }
}
