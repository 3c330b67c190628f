package dev.rapport.crm.jpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.common.LeadId;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.FeedbackRepository;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadRepository;
import dev.rapport.crm.mail.MailSuppression;
import dev.rapport.crm.privacy.PrivacyRepository;
import dev.rapport.crm.service.CaseRepository;
import dev.rapport.crm.service.ServiceCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Privacy on JPA: the erased markers ({@code crm_erasure_marker}), a person's cases and answers,
 * the leads retention takes, and the copies erasure clears: merge records ({@code crm_merge},
 * {@code crm_merged}) and outbox payloads ({@code crm_outbox}, delivered or not).
 */
final class JpaPrivacy implements PrivacyRepository {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JpaUnitOfWork uow;

  JpaPrivacy(JpaUnitOfWork uow) {
    this.uow = uow;
  }

  @Override
  public List<ServiceCase> casesOf(Collection<ContactId> contacts) {
    uow.requireOpen();
    return ((JpaCases) uow.port(CaseRepository.class)).byContacts(contacts);
  }

  @Override
  public List<Feedback> feedbackOf(Collection<ContactId> contacts) {
    uow.requireOpen();
    return ((JpaFeedback) uow.port(FeedbackRepository.class)).byContacts(contacts);
  }

  @Override
  public List<Lead> untouchedSince(Instant cutoff, Optional<LeadId> after, int limit) {
    uow.requireOpen();
    return ((JpaLeads) uow.port(LeadRepository.class)).untouchedSince(cutoff, after, limit);
  }

  @Override
  public Map<String, Instant> markers(Collection<String> keys) {
    uow.requireOpen();
    Map<String, Instant> found = new HashMap<>();
    for (List<String> chunk : Rows.chunks(List.copyOf(new LinkedHashSet<>(keys)))) {
      uow.em().createQuery("select m from RapportErasureMarker m where m.tenantId = :tenant and m.keyHash in :keys",
              ErasureMarkerEntity.class)
          .setParameter("tenant", uow.tenant().value()).setParameter("keys", chunk).getResultList()
          .forEach(m -> found.put(m.keyHash, Mapping.fromColumn(m.erasedAt)));
    }
    return found;
  }

  @Override
  public void saveMarkers(UUID erasureId, Instant erasedAt, Collection<String> keys) {
    uow.requireOpen();
    Set<String> known = markers(keys).keySet();
    for (String key : new LinkedHashSet<>(keys)) {
      if (!known.contains(key)) {
        uow.em().persist(new ErasureMarkerEntity(uow.tenant().value(), key, erasureId, Mapping.toColumn(erasedAt)));
      }
    }
  }

  @Override
  public boolean deleteMarker(String key) {
    uow.requireOpen();
    uow.flush();
    return uow.em().createQuery("delete from RapportErasureMarker m where m.tenantId = :tenant and m.keyHash = :key")
        .setParameter("tenant", uow.tenant().value()).setParameter("key", key).executeUpdate() > 0;
  }

  @Override
  public int deleteSuppressions(Collection<EmailAddress> addresses) {
    uow.requireOpen();
    if (addresses.isEmpty()) {
      return 0;
    }
    uow.flush();
    List<UUID> ids = addresses.stream().map(MailSuppression::idOf).distinct().toList();
    int deleted = 0;
    for (List<UUID> chunk : Rows.chunks(ids)) {
      deleted += uow.em().createQuery("delete from RapportMailSuppression s where s.tenantId = :tenant and s.id in :ids")
          .setParameter("tenant", uow.tenant().value()).setParameter("ids", chunk).executeUpdate();
    }
    return deleted;
  }

  @Override
  public int forgetMerges(Collection<UUID> records) {
    uow.requireOpen();
    if (records.isEmpty()) {
      return 0;
    }
    uow.flush();
    String tenant = uow.tenant().value();
    Set<UUID> merges = new LinkedHashSet<>();
    for (UUID record : new LinkedHashSet<>(records)) {
      // a merge names every record it kept or retired in its body, undone or not
      merges.addAll(uow.em().createQuery("select m.id from RapportMerge m where m.tenantId = :tenant"
              + " and (m.survivorId = :record or m.body like :pattern)", UUID.class)
          .setParameter("tenant", tenant).setParameter("record", record)
          .setParameter("pattern", "%" + record + "%").getResultList());
    }
    if (merges.isEmpty()) {
      return 0;
    }
    for (List<UUID> chunk : Rows.chunks(List.copyOf(merges))) {
      uow.em().createQuery("delete from RapportMerged m where m.tenantId = :tenant and m.mergeId in :ids")
          .setParameter("tenant", tenant).setParameter("ids", chunk).executeUpdate();
      uow.em().createQuery("delete from RapportMerge m where m.tenantId = :tenant and m.id in :ids")
          .setParameter("tenant", tenant).setParameter("ids", chunk).executeUpdate();
    }
    return merges.size();
  }

  @Override
  public int scrubOutbox(Collection<UUID> aggregates, Collection<String> texts, String replacement) {
    uow.requireOpen();
    if (aggregates.isEmpty() || texts.isEmpty()) {
      return 0;
    }
    uow.flush(); // the events this unit recorded are rows too
    List<String> lower = texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    int changed = 0;
    for (List<UUID> chunk : Rows.chunks(List.copyOf(new LinkedHashSet<>(aggregates)))) {
      List<Object[]> rows = uow.em().createQuery("select o.id, o.payload from RapportOutboxEvent o where o.tenantId = :tenant"
              + " and o.aggregateId in :ids", Object[].class)
          .setParameter("tenant", uow.tenant().value()).setParameter("ids", chunk).getResultList();
      for (Object[] row : rows) {
        String payload = (String) row[1];
        String scrubbed = scrub(payload, lower, replacement);
        if (!scrubbed.equals(payload)) {
          uow.em().createQuery("update RapportOutboxEvent o set o.payload = :payload where o.id = :id")
              .setParameter("payload", scrubbed).setParameter("id", row[0]).executeUpdate();
          changed++;
        }
      }
    }
    return changed;
  }

  /** The payload with every text value that contains one of the texts replaced (the JSON shape stays). */
  static String scrub(String payload, List<String> lower, String replacement) {
    JsonNode tree;
    try {
      tree = JSON.readTree(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // not JSON (never written so by this adapter): nothing of it can be kept safely
      return contains(payload, lower) ? JSON.createObjectNode().put("erased", true).toString() : payload;
    }
    JsonNode out = walk(tree, lower, replacement);
    return out == tree ? payload : out.toString();
  }

  private static JsonNode walk(JsonNode node, List<String> lower, String replacement) {
    if (node.isTextual()) {
      return contains(node.textValue(), lower) ? TextNode.valueOf(replacement) : node;
    }
    if (node instanceof ObjectNode o) {
      ObjectNode copy = null;
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) o::fields) {
        JsonNode v = walk(field.getValue(), lower, replacement);
        if (v != field.getValue()) {
          copy = copy == null ? o.deepCopy() : copy;
          copy.set(field.getKey(), v);
        }
      }
      return copy == null ? node : copy;
    }
    if (node instanceof ArrayNode a) {
      List<JsonNode> items = new ArrayList<>();
      boolean changed = false;
      for (JsonNode item : a) {
        JsonNode v = walk(item, lower, replacement);
        changed |= v != item;
        items.add(v);
      }
      return changed ? JSON.createArrayNode().addAll(items) : node;
    }
    return node;
  }

  private static boolean contains(String text, List<String> lower) {
    String t = text.toLowerCase(Locale.ROOT);
    return lower.stream().anyMatch(t::contains);
  }
}
