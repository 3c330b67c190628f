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
import dev.rapport.crm.contact.ContactMergeRepository;
import dev.rapport.crm.contact.ContactRepository;
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
 * The merges of contacts of one unit of work. Links move with one JPQL update per linked table
 * (after a query for the ids it moves, which undo needs), raising the version where the table has
 * one; a campaign membership moves as a new row (its key names the person). A merge is a row of
 * {@code crm_contact_merge} (the merge and its moves as JSON) and one row per merged contact in
 * {@code crm_contact_merged}, which answers where a merged id leads.
 */
final class JpaContactMerges implements ContactMergeRepository {
  // immutable and thread-safe once built: a constant, not state
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new RapportModule()).build();
  private static final int CHUNK = 500;

  /** A linked table: its entity, the attribute naming the contact, whether it has a version. */
  private record Link(String name, String entity, String attribute, boolean versioned) {}

  private static final List<Link> LINKS = List.of(
      new Link("activity", "RapportActivity", "contactId", true),
      new Link("task", "RapportTask", "contactId", true),
      new Link("case", "RapportCase", "contactId", true),
      new Link("feedback", "RapportFeedback", "contactId", true),
      new Link("opportunity", "RapportOpportunity", "primaryContactId", true),
      new Link("lead", "RapportLead", "convertedContactId", true),
      new Link("timeline", "RapportTimelineEntry", "subjectId", false));

  private final JpaUnitOfWork uow;
  /** Moves made in this unit for merges whose row is not written yet, by merge. */
  private final Map<UUID, ArrayNode> pending = new HashMap<>();

  JpaContactMerges(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public void moveLinks(UUID mergeId, ContactId from, ContactId to) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    uow.flush(); // the updates below go straight to the tables: what the unit holds goes first
    ArrayNode moves = pending.computeIfAbsent(mergeId, k -> JSON.createArrayNode());
    String tenant = uow.tenant().value();
    for (Link link : LINKS) {
      List<UUID> ids = uow.em().createQuery("select e.id from " + link.entity() + " e where e.tenantId = :tenant and e."
              + link.attribute() + " = :from", UUID.class)
          .setParameter("tenant", tenant).setParameter("from", from.value()).getResultList();
      if (ids.isEmpty()) {
        continue;
      }
      uow.em().createQuery("update " + link.entity() + " e set e." + link.attribute() + " = :to"
              + (link.versioned() ? ", e.version = e.version + 1" : "")
              + " where e.tenantId = :tenant and e." + link.attribute() + " = :from")
          .setParameter("to", to.value()).setParameter("tenant", tenant).setParameter("from", from.value())
          .executeUpdate();
      for (UUID id : ids) {
        moves.addObject().put("link", link.name()).put("row", id.toString())
            .put("from", from.value().toString()).put("to", to.value().toString());
      }
    }
    JpaCampaigns campaigns = (JpaCampaigns) uow.port(CampaignRepository.class);
    List<CampaignMember> moved = new ArrayList<>();
    for (CampaignMember m : campaigns.membershipsOf(from)) {
      campaigns.removeMember(m);
      if (campaigns.findMember(m.campaignId(), MemberId.contact(to)).isPresent()) {
        moves.addObject().put("link", "dropped").set("member", JSON.valueToTree(m));
      } else {
        moved.add(Versions.of(CampaignMember.class).with(new CampaignMember(m.tenantId(), m.campaignId(),
            MemberId.contact(to), m.version(), m.status(), m.statusAt(), m.respondedAt(), m.addedAt()), 0));
        moves.addObject().put("link", "member").put("row", m.campaignId().value().toString())
            .put("from", from.value().toString()).put("to", to.value().toString());
      }
    }
    if (!moved.isEmpty()) {
      campaigns.insertMembers(moved);
    }
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
      if (link.equals("dropped")) {
        restored.add(Versions.of(CampaignMember.class).with(read(m.get("member"), CampaignMember.class), 0));
      } else if (link.equals("member")) {
        dev.rapport.crm.common.CampaignId campaign = dev.rapport.crm.common.CampaignId.of(UUID.fromString(m.get("row").asText()));
        ContactId from = ContactId.of(UUID.fromString(m.get("from").asText()));
        ContactId to = ContactId.of(UUID.fromString(m.get("to").asText()));
        campaigns.findMember(campaign, MemberId.contact(to)).ifPresent(current -> {
          campaigns.removeMember(current);
          restored.add(Versions.of(CampaignMember.class).with(new CampaignMember(current.tenantId(), campaign,
              MemberId.contact(from), current.version(), current.status(), current.statusAt(),
              current.respondedAt(), current.addedAt()), 0));
        });
      } else {
        back.computeIfAbsent(link, k -> new HashMap<>())
            .computeIfAbsent(UUID.fromString(m.get("from").asText()), k -> new ArrayList<>())
            .add(UUID.fromString(m.get("row").asText()));
      }
    }
    for (Link link : LINKS) {
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
  public void save(ContactMerge merge) {
    uow.requireOpen();
    Objects.requireNonNull(merge, "merge");
    if (!merge.tenantId().equals(uow.tenant())) {
      throw new IllegalArgumentException("the merge belongs to tenant " + merge.tenantId()
          + ", not to this unit of work's tenant " + uow.tenant());
    }
    ContactMergeEntity e = entity(merge.id()).orElse(null);
    if (e == null) {
      e = new ContactMergeEntity();
      e.tenantId = merge.tenantId().value();
      e.id = merge.id();
      e.survivorId = merge.survivor().id().value();
      e.mergedAt = toColumn(merge.mergedAt());
      e.moves = write(pending.getOrDefault(merge.id(), JSON.createArrayNode()));
      e.body = write(JSON.valueToTree(merge));
      uow.em().persist(e);
      for (ContactId id : merge.mergedIds()) {
        uow.em().persist(new ContactMergedEntity(e.tenantId, merge.id(), id.value()));
      }
    } else if (merge.undone() && e.undoneAt == null) {
      uow.em().createQuery("delete from RapportContactMerged m where m.tenantId = :tenant and m.mergeId = :merge")
          .setParameter("tenant", e.tenantId).setParameter("merge", merge.id()).executeUpdate();
    }
    pending.remove(merge.id());
    e.undoneAt = merge.undoneAt().map(Mapping::toColumn).orElse(null);
    e.body = write(JSON.valueToTree(merge));
  }

  @Override
  public Optional<ContactMerge> find(UUID mergeId) {
    uow.requireOpen();
    Objects.requireNonNull(mergeId, "mergeId");
    return entity(mergeId).map(e -> read(readTree(e.body), ContactMerge.class));
  }

  @Override
  public Optional<ContactMerge> findByMerged(ContactId merged) {
    uow.requireOpen();
    Objects.requireNonNull(merged, "merged");
    List<ContactMergeEntity> found = uow.em().createQuery("select e from RapportContactMerge e where e.tenantId = :tenant"
            + " and e.undoneAt is null and e.id in (select m.mergeId from RapportContactMerged m"
            + " where m.tenantId = :tenant and m.contactId = :contact)", ContactMergeEntity.class)
        .setParameter("tenant", uow.tenant().value()).setParameter("contact", merged.value())
        .getResultList();
    return found.stream().findFirst().map(e -> read(readTree(e.body), ContactMerge.class));
  }

  private Optional<ContactMergeEntity> entity(UUID id) {
    return uow.em().createQuery("select e from RapportContactMerge e where e.tenantId = :tenant and e.id = :id",
            ContactMergeEntity.class)
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
      throw new IllegalArgumentException("malformed JSON in crm_contact_merge: " + ex.getOriginalMessage(), ex);
    }
  }

  private static <T> T read(JsonNode tree, Class<T> type) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (JsonProcessingException ex) {
      throw new IllegalArgumentException("malformed " + type.getSimpleName() + " in crm_contact_merge: "
          + ex.getOriginalMessage(), ex);
    }
  }
}
