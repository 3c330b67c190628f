package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.toColumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactMerge;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.AccountMerge;
import dev.rapport.crm.contact.AccountRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.contact.Merge;
import dev.rapport.crm.contact.MergeRepository;
import dev.rapport.crm.jackson.RapportModule;
import dev.rapport.crm.spi.Versions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The merges of contacts and accounts of one unit of work. Links move with one JPQL update per
 * linked table (after a query for the ids it moves, which undo needs), raising the version where
 * the table has one; a campaign membership or payer class moves as a new row (its key names the
 * person or account). A merge is a row of {@code crm_merge} (the merge and its moves as JSON) and
 * one row per merged record in {@code crm_merged}, which answers where a merged id or external
 * reference leads.
 */
final class JpaMerges implements MergeRepository {
  // immutable and thread-safe once built: a constant, not state
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new RapportModule()).build();
  private static final int CHUNK = 500;

  /** A linked table: its entity, the attribute naming the contact, whether it has a version. */
  private record Link(String name, String entity, String attribute, boolean versioned) {}

  private static final List<Link> CONTACT_LINKS = List.of(
      new Link("contact.activity", "RapportActivity", "contactId", true),
      new Link("contact.task", "RapportTask", "contactId", true),
      new Link("contact.case", "RapportCase", "contactId", true),
      new Link("contact.feedback", "RapportFeedback", "contactId", true),
      new Link("contact.opportunity", "RapportOpportunity", "primaryContactId", true),
      new Link("contact.lead", "RapportLead", "convertedContactId", true),
      new Link("contact.timeline", "RapportTimelineEntry", "subjectId", false));

  private static final List<Link> ACCOUNT_LINKS = List.of(
      new Link("account.contact", "RapportContact", "accountId", true),
      new Link("account.activity", "RapportActivity", "accountId", true),
      new Link("account.task", "RapportTask", "accountId", true),
      new Link("account.case", "RapportCase", "accountId", true),
      new Link("account.feedback", "RapportFeedback", "accountId", true),
      new Link("account.opportunity", "RapportOpportunity", "accountId", true),
      new Link("account.lead", "RapportLead", "convertedAccountId", true),
      new Link("account.sale", "RapportSale", "accountId", true),
      new Link("account.payment", "RapportPayment", "accountId", true),
      new Link("account.timeline", "RapportTimelineEntry", "subjectId", false));

  private static final List<Link> LEAD_LINKS = List.of(
      new Link("lead.activity", "RapportActivity", "leadId", true),
      new Link("lead.task", "RapportTask", "leadId", true),
      new Link("lead.opportunity", "RapportOpportunity", "originLeadId", true),
      new Link("lead.contact", "RapportContact", "originLeadId", true),
      new Link("lead.timeline", "RapportTimelineEntry", "subjectId", false));

  private static final List<Link> ALL_LINKS = java.util.stream.Stream.of(CONTACT_LINKS, ACCOUNT_LINKS, LEAD_LINKS)
      .flatMap(List::stream).toList();

  private final JpaUnitOfWork uow;
  /** Moves made in this unit for merges whose row is not written yet, by merge. */
  private final Map<UUID, ArrayNode> pending = new HashMap<>();

  JpaMerges(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public Map<String, Long> linksTo(Merge.Kind kind, UUID record) {
    uow.requireOpen();
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(record, "record");
    uow.flush(); // counted in the tables: what the unit holds goes first
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (Link link : switch (kind) {
      case CONTACT -> CONTACT_LINKS;
      case ACCOUNT -> ACCOUNT_LINKS;
      case LEAD -> LEAD_LINKS;
    }) {
      long n = uow.em().createQuery("select count(e) from " + link.entity() + " e where e.tenantId = :tenant and e."
              + link.attribute() + " = :record", Long.class)
          .setParameter("tenant", uow.tenant().value()).setParameter("record", record).getSingleResult();
      if (n > 0) {
        counts.put(link.name(), n);
      }
    }
    return counts;
  }

  @Override
  public void moveLinks(UUID mergeId, Merge.Kind kind, UUID from, UUID to) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    uow.flush(); // the updates below go straight to the tables: what the unit holds goes first
    ArrayNode moves = pending.computeIfAbsent(mergeId, k -> JSON.createArrayNode());
    String tenant = uow.tenant().value();
    List<Link> links = switch (kind) {
      case CONTACT -> CONTACT_LINKS;
      case ACCOUNT -> ACCOUNT_LINKS;
      case LEAD -> LEAD_LINKS;
    };
    for (Link link : links) {
      List<UUID> ids = uow.em().createQuery("select e.id from " + link.entity() + " e where e.tenantId = :tenant and e."
              + link.attribute() + " = :from", UUID.class)
          .setParameter("tenant", tenant).setParameter("from", from).getResultList();
      if (ids.isEmpty()) {
        continue;
      }
      uow.em().createQuery("update " + link.entity() + " e set e." + link.attribute() + " = :to"
              + (link.versioned() ? ", e.version = e.version + 1" : "")
              + " where e.tenantId = :tenant and e." + link.attribute() + " = :from")
          .setParameter("to", to).setParameter("tenant", tenant).setParameter("from", from)
          .executeUpdate();
      for (UUID id : ids) {
        moves.addObject().put("link", link.name()).put("row", id.toString())
            .put("from", from.toString()).put("to", to.toString());
      }
    }
    if (kind == Merge.Kind.CONTACT || kind == Merge.Kind.LEAD) {
      moveMemberships(moves, member(kind, from), member(kind, to));
    } else {
      movePayerClass(moves, from, to);
    }
  }

  private void moveMemberships(ArrayNode moves, MemberId from, MemberId to) {
    JpaCampaigns campaigns = (JpaCampaigns) uow.port(CampaignRepository.class);
    List<CampaignMember> moved = new ArrayList<>();
    for (CampaignMember m : campaigns.membershipsOf(from)) {
      campaigns.removeMember(m);
      if (campaigns.findMember(m.campaignId(), to).isPresent()) {
        moves.addObject().put("link", "dropped").set("member", JSON.valueToTree(m));
      } else {
        moved.add(Versions.of(CampaignMember.class).with(new CampaignMember(m.tenantId(), m.campaignId(),
            to, m.version(), m.status(), m.statusAt(), m.respondedAt(), m.addedAt()), 0));
        moves.addObject().put("link", from.isLead() ? "leadMember" : "member").put("row", m.campaignId().value().toString())
            .put("from", from.value().toString()).put("to", to.value().toString());
      }
    }
    if (!moved.isEmpty()) {
      campaigns.insertMembers(moved);
    }
  }

  private static MemberId member(Merge.Kind kind, UUID person) {
    return kind == Merge.Kind.LEAD ? MemberId.lead(dev.rapport.crm.common.LeadId.of(person))
        : MemberId.contact(ContactId.of(person));
  }

  /** The payer class of {@code from} becomes {@code to}'s, where {@code to} has none. */
  private void movePayerClass(ArrayNode moves, UUID from, UUID to) {
    Optional<PayerClassEntity> loser = payerClass(from);
    if (loser.isEmpty()) {
      return;
    }
    uow.em().remove(loser.get());
    if (payerClass(to).isPresent()) {
      moves.addObject().put("link", "droppedClass").put("row", from.toString()).put("class", loser.get().payerClass);
    } else {
      persistPayerClass(to, loser.get().payerClass);
      moves.addObject().put("link", "payerClass").put("from", from.toString()).put("to", to.toString());
    }
  }

  private Optional<PayerClassEntity> payerClass(UUID account) {
    return uow.em().createQuery("select c from RapportPayerClass c where c.tenantId = :tenant and c.accountId = :account",
            PayerClassEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("account", account)
        .getResultList().stream().findFirst();
  }

  private void persistPayerClass(UUID account, String payerClass) {
    PayerClassEntity e = new PayerClassEntity();
    e.tenantId = uow.tenant().value();
    e.accountId = account;
    e.payerClass = payerClass;
    uow.em().persist(e);
  }

  @Override
  public void moveBack(UUID mergeId) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    uow.flush(); // the contacts the links return to are written first
    ArrayNode moves = moves(mergeId);
    String tenant = uow.tenant().value();
    Map<String, Map<UUID, List<UUID>>> back = new HashMap<>(); // link -> from -> rows
    JpaCampaigns campaigns = (JpaCampaigns) uow.port(CampaignRepository.class);
    List<CampaignMember> restored = new ArrayList<>();
    for (JsonNode m : moves) {
      String link = m.get("link").asText();
      if (link.equals("droppedClass")) {
        persistPayerClass(UUID.fromString(m.get("row").asText()), m.get("class").asText());
      } else if (link.equals("payerClass")) {
        payerClass(UUID.fromString(m.get("to").asText())).ifPresent(current -> {
          uow.em().remove(current);
          uow.flush();
          persistPayerClass(UUID.fromString(m.get("from").asText()), current.payerClass);
        });
      } else if (link.equals("dropped")) {
        restored.add(Versions.of(CampaignMember.class).with(read(m.get("member"), CampaignMember.class), 0));
      } else if (link.equals("member") || link.equals("leadMember")) {
        dev.rapport.crm.common.CampaignId campaign = dev.rapport.crm.common.CampaignId.of(UUID.fromString(m.get("row").asText()));
        Merge.Kind of = link.equals("member") ? Merge.Kind.CONTACT : Merge.Kind.LEAD;
        MemberId from = member(of, UUID.fromString(m.get("from").asText()));
        MemberId to = member(of, UUID.fromString(m.get("to").asText()));
        campaigns.findMember(campaign, to).ifPresent(current -> {
          campaigns.removeMember(current);
          restored.add(Versions.of(CampaignMember.class).with(new CampaignMember(current.tenantId(), campaign,
              from, current.version(), current.status(), current.statusAt(),
              current.respondedAt(), current.addedAt()), 0));
        });
      } else {
        back.computeIfAbsent(link, k -> new HashMap<>())
            .computeIfAbsent(UUID.fromString(m.get("from").asText()), k -> new ArrayList<>())
            .add(UUID.fromString(m.get("row").asText()));
      }
    }
    for (Link link : ALL_LINKS) {
      for (Map.Entry<UUID, List<UUID>> e : back.getOrDefault(link.name(), Map.of()).entrySet()) {
        List<UUID> rows = e.getValue();
        for (int i = 0; i < rows.size(); i += CHUNK) {
          uow.em().createQuery("update " + link.entity() + " e set e." + link.attribute() + " = :from"
                  + (link.versioned() ? ", e.version = e.version + 1" : "")
                  + " where e.tenantId = :tenant and e.id in :ids")
              .setParameter("from", e.getKey()).setParameter("tenant", tenant)
              .setParameter("ids", rows.subList(i, Math.min(rows.size(), i + CHUNK)))
              .executeUpdate();
        }
      }
    }
    if (!restored.isEmpty()) {
      campaigns.insertMembers(restored);
    }
  }

  @Override
  public void delete(Contact contact) {
    uow.requireOpen();
    Objects.requireNonNull(contact, "contact");
    ((JpaContacts) uow.port(ContactRepository.class)).delete(contact);
  }

  @Override
  public void delete(Account account) {
    uow.requireOpen();
    Objects.requireNonNull(account, "account");
    ((JpaAccounts) uow.port(AccountRepository.class)).deleteRow(account);
  }

  @Override
  public Contact restore(Contact contact) {
    uow.requireOpen();
    uow.flush(); // the survivor gives back what the contact held first
    return uow.port(ContactRepository.class).insert(Versions.of(Contact.class).with(contact, 0));
  }

  @Override
  public Account restore(Account account) {
    uow.requireOpen();
    uow.flush(); // the survivor gives back the external reference first
    return uow.port(AccountRepository.class).insert(Versions.of(Account.class).with(account, 0));
  }

  @Override
  public void save(Merge merge) {
    uow.requireOpen();
    Objects.requireNonNull(merge, "merge");
    if (!merge.tenantId().equals(uow.tenant())) {
      throw new IllegalArgumentException("the merge belongs to tenant " + merge.tenantId()
          + ", not to this unit of work's tenant " + uow.tenant());
    }
    MergeEntity e = entity(merge.id()).orElse(null);
    if (e == null) {
      e = new MergeEntity();
      e.tenantId = merge.tenantId().value();
      e.id = merge.id();
      e.kind = merge.kind().name();
      e.survivorId = merge.survivorKey();
      e.mergedAt = toColumn(merge.mergedAt());
      e.moves = write(pending.getOrDefault(merge.id(), JSON.createArrayNode()));
      e.body = write(JSON.valueToTree(merge));
      uow.em().persist(e);
      List<String> refs = merge instanceof AccountMerge a
          ? a.merged().stream().map(x -> x.externalReference().orElse(null)).toList() : null;
      List<UUID> ids = merge.mergedKeys();
      for (int i = 0; i < ids.size(); i++) {
        uow.em().persist(new MergedEntity(e.tenantId, merge.id(), ids.get(i), refs == null ? null : refs.get(i)));
      }
    } else if (merge.undone() && e.undoneAt == null) {
      uow.em().createQuery("delete from RapportMerged m where m.tenantId = :tenant and m.mergeId = :merge")
          .setParameter("tenant", e.tenantId).setParameter("merge", merge.id()).executeUpdate();
    }
    pending.remove(merge.id());
    e.undoneAt = merge.undoneAt().map(Mapping::toColumn).orElse(null);
    e.body = write(JSON.valueToTree(merge));
  }

  @Override
  public Optional<Merge> find(UUID mergeId) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    return entity(mergeId).map(JpaMerges::merge);
  }

  @Override
  public Optional<Merge> findByMerged(UUID record) {
    uow.requireOpen();
    Objects.requireNonNull(record, "record");
    return uow.em().createQuery("select e from RapportMerge e where e.tenantId = :tenant"
            + " and e.undoneAt is null and e.id in (select m.mergeId from RapportMerged m"
            + " where m.tenantId = :tenant and m.recordId = :record)", MergeEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("record", record)
        .getResultList().stream().findFirst().map(JpaMerges::merge);
  }

  @Override
  public Map<String, Merge> findByMergedReferences(java.util.Collection<String> externalReferences) {
    uow.requireOpen();
    Objects.requireNonNull(externalReferences, "externalReferences");
    List<String> refs = externalReferences.stream().distinct().toList();
    Map<String, Merge> found = new java.util.LinkedHashMap<>();
    for (int i = 0; i < refs.size(); i += CHUNK) {
      List<Object[]> rows = uow.em().createQuery("select m.externalReference, e from RapportMerged m, RapportMerge e"
              + " where m.tenantId = :tenant and m.externalReference in :refs and e.tenantId = m.tenantId"
              + " and e.id = m.mergeId and e.undoneAt is null", Object[].class)
          .setParameter("tenant", uow.tenant().value())
          .setParameter("refs", refs.subList(i, Math.min(refs.size(), i + CHUNK)))
          .getResultList();
      for (Object[] row : rows) {
        found.putIfAbsent((String) row[0], merge((MergeEntity) row[1]));
      }
    }
    return found;
  }

  private static Merge merge(MergeEntity e) {
    Class<? extends Merge> type = switch (Merge.Kind.valueOf(e.kind)) {
      case CONTACT -> ContactMerge.class;
      case ACCOUNT -> AccountMerge.class;
      case LEAD -> dev.rapport.crm.lead.LeadMerge.class;
    };
    return read(readTree(e.body), type);
  }

  private Optional<MergeEntity> entity(UUID id) {
    return uow.em().createQuery("select e from RapportMerge e where e.tenantId = :tenant and e.id = :id",
            MergeEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("id", id)
        .getResultList().stream().findFirst();
  }

  /** The moves of the merge: those stored with it, then those this unit made since. */
  private ArrayNode moves(UUID mergeId) {
    ArrayNode all = JSON.createArrayNode();
    entity(mergeId).ifPresent(e -> all.addAll((ArrayNode) readTree(e.moves)));
    ArrayNode own = pending.get(mergeId);
    if (own != null) {
      all.addAll(own);
    }
    return all;
  }

  private static String write(JsonNode tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("cannot write a merge as JSON", ex);
    }
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("malformed JSON in crm_merge: " + ex.getOriginalMessage(), ex);
    }
  }

  private static <T> T read(JsonNode tree, Class<T> type) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("malformed " + type.getSimpleName() + " in crm_merge: "
          + ex.getOriginalMessage(), ex);
    }
  }
}
