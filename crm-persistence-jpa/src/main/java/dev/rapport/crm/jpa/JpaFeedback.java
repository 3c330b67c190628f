package dev.rapport.crm.jpa;

import static dev.rapport.crm.jpa.Mapping.fromColumn;
import static dev.rapport.crm.jpa.Mapping.orNull;
import static dev.rapport.crm.jpa.Mapping.toColumn;

import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.spi.Versions;
import dev.rapport.crm.common.CaseId;
import dev.rapport.crm.common.ContactId;
import dev.rapport.crm.common.FeedbackId;
import dev.rapport.crm.common.OpportunityId;
import dev.rapport.crm.common.Page;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.feedback.CsatResult;
import dev.rapport.crm.feedback.Feedback;
import dev.rapport.crm.feedback.FeedbackChannel;
import dev.rapport.crm.feedback.FeedbackScale;
import dev.rapport.crm.feedback.NpsResult;
import dev.rapport.crm.feedback.FeedbackRepository;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The feedback answers of one unit of work, in {@code crm_feedback}. NPS and CSAT are one
 * aggregate query each (count and sums of case expressions), whatever the number of answers.
 */
final class JpaFeedback implements FeedbackRepository {
  static final Kind<Feedback, FeedbackEntity> KIND = new Kind<>("feedback", "RapportFeedback",
      FeedbackEntity.class, f -> f.id().value(), Feedback::tenantId, Feedback::version,
      Versions.of(Feedback.class)::with, FeedbackEntity::new, JpaFeedback::domainToEntity, e -> e.id,
      e -> e.version, JpaFeedback::state);

  private final JpaUnitOfWork uow;
  private final Rows<Feedback, FeedbackEntity> rows;

  JpaFeedback(JpaUnitOfWork uow) {
    this.uow = uow;
    this.rows = new Rows<>(uow, KIND, JpaFeedback::entityToDomain);
  }

  @Override
  public Optional<Feedback> find(FeedbackId id) {
    uow.requireOpen();
    Objects.requireNonNull(id, "id");
    return rows.load(id.value()).map(rows::toDomain);
  }

  @Override
  public Page<Feedback> list(PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(page, "page");
    return page("", Map.of(), page);
  }

  @Override
  public Page<Feedback> detractors(Optional<AccountId> account, Instant from, Instant to, PageRequest page) {
    uow.requireOpen();
    Objects.requireNonNull(page, "page");
    Map<String, Object> p = new LinkedHashMap<>();
    String where = period(account, FeedbackScale.NPS, from, to, p) + " and e.score <= :detractorMax";
    p.put("detractorMax", NpsResult.DETRACTOR_MAX);
    return page(where, p, page);
  }

  @Override
  public NpsResult nps(Optional<AccountId> account, Instant from, Instant to) {
    uow.requireOpen();
    Map<String, Object> p = new LinkedHashMap<>();
    String where = period(account, FeedbackScale.NPS, from, to, p);
    Object[] row = aggregate("select count(e), sum(case when e.score >= " + NpsResult.PROMOTER_MIN
        + " then 1 else 0 end), sum(case when e.score <= " + NpsResult.DETRACTOR_MAX
        + " then 1 else 0 end) from RapportFeedback e where e.tenantId = :tenant" + where, p);
    long answers = Results.number(row[0]);
    long promoters = Results.number(row[1]);
    long detractors = Results.number(row[2]);
    return new NpsResult(answers, promoters, answers - promoters - detractors, detractors);
  }

  @Override
  public CsatResult csat(Optional<AccountId> account, Instant from, Instant to) {
    uow.requireOpen();
    Map<String, Object> p = new LinkedHashMap<>();
    String where = period(account, FeedbackScale.CSAT, from, to, p);
    Object[] row = aggregate("select count(e), sum(case when e.score >= " + CsatResult.SATISFIED_MIN
        + " then 1 else 0 end), sum(e.score) from RapportFeedback e where e.tenantId = :tenant" + where, p);
    return new CsatResult(Results.number(row[0]), Results.number(row[1]), Results.number(row[2]));
  }

  @Override
  public List<ScoreRow> scores(Instant from, Instant to) {
    uow.requireOpen();
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<ScoreRow> rows = new java.util.ArrayList<>();
    for (Object[] r : uow.em().createQuery("select e.accountId, e.scale, count(e), sum(e.score),"
        + " sum(case when e.score <= " + NpsResult.DETRACTOR_MAX + " then 1 else 0 end) from RapportFeedback e where e.tenantId = :tenant"
        + " and e.answeredAt >= :from and e.answeredAt < :to group by e.accountId, e.scale", Object[].class)
        .setParameter("tenant", uow.tenant().value()).setParameter("from", toColumn(from))
        .setParameter("to", toColumn(to)).getResultList()) {
      FeedbackScale scale = FeedbackScale.valueOf((String) r[1]);
      // grouped by scale: scores of 0 to 6 are detractors on the NPS scale only
      rows.add(new ScoreRow(AccountId.of((java.util.UUID) r[0]), scale, Results.number(r[2]), Results.number(r[3]),
          scale == FeedbackScale.NPS ? Results.number(r[4]) : 0));
    }
    return rows;
  }

  @Override
  public Feedback insert(Feedback feedback) {
    uow.requireOpen();
    return rows.toDomain(rows.insert(feedback));
  }

  private Page<Feedback> page(String where, Map<String, Object> params, PageRequest page) {
    List<Feedback> found = rows.page(where, params, page).stream().map(rows::toDomain).toList();
    return Rows.toPage(found, page.size(), f -> f.id().value());
  }

  /** The conditions of answers of one scale (and account) answered in [from, to). */
  private static String period(Optional<AccountId> account, FeedbackScale scale, Instant from,
      Instant to, Map<String, Object> params) {
    Objects.requireNonNull(account, "account");
    StringBuilder where = new StringBuilder(" and e.scale = :scale and e.answeredAt >= :from and e.answeredAt < :to");
    params.put("scale", scale.name());
    params.put("from", toColumn(Objects.requireNonNull(from, "from")));
    params.put("to", toColumn(Objects.requireNonNull(to, "to")));
    account.ifPresent(a -> {
      where.append(" and e.accountId = :account");
      params.put("account", a.value());
    });
    return where.toString();
  }

  private Object[] aggregate(String jpql, Map<String, Object> params) {
    Query q = uow.em().createQuery(jpql).setParameter("tenant", uow.tenant().value());
    params.forEach(q::setParameter);
    return (Object[]) q.getSingleResult();
  }

  // ---- mapping

  static void domainToEntity(Feedback f, FeedbackEntity e) {
    e.id = f.id().value();
    e.tenantId = f.tenantId().value();
    e.accountId = f.accountId().value();
    e.contactId = f.contactId().value();
    e.caseId = f.caseId().map(CaseId::value).orElse(null);
    e.opportunityId = f.opportunityId().map(OpportunityId::value).orElse(null);
    e.scale = f.scale().name();
    e.score = f.score();
    e.comment = orNull(f.comment());
    e.channel = f.channel().code();
    e.survey = orNull(f.survey());
    e.answeredAt = toColumn(f.answeredAt());
    e.recordedAt = toColumn(f.recordedAt());
  }

  static Feedback entityToDomain(FeedbackEntity e, long version) {
    return new Feedback(FeedbackId.of(e.id), TenantId.of(e.tenantId), version,
        AccountId.of(e.accountId), ContactId.of(e.contactId),
        Optional.ofNullable(e.caseId).map(CaseId::of),
        Optional.ofNullable(e.opportunityId).map(OpportunityId::of),
        FeedbackScale.valueOf(e.scale), e.score, Optional.ofNullable(e.comment),
        new FeedbackChannel(e.channel), Optional.ofNullable(e.survey), fromColumn(e.answeredAt),
        fromColumn(e.recordedAt));
  }

  static List<Object> state(FeedbackEntity e) {
    return Arrays.asList(e.tenantId, e.accountId, e.contactId, e.caseId, e.opportunityId, e.scale,
        e.score, e.comment, e.channel, e.survey, e.answeredAt, e.recordedAt);
  }

  @Override
  public void delete(Feedback feedback) {
    uow.requireOpen();
    rows.delete(feedback);
  }

  @Override
  public long countByCase(dev.rapport.crm.common.CaseId caseId) {
    uow.requireOpen();
    java.util.Objects.requireNonNull(caseId, "caseId");
    return rows.count(" and e.caseId = :linked", Rows.params("linked", caseId.value()));
  }

  @Override
  public long countByOpportunity(dev.rapport.crm.common.OpportunityId opportunityId) {
    uow.requireOpen();
    java.util.Objects.requireNonNull(opportunityId, "opportunityId");
    return rows.count(" and e.opportunityId = :linked", Rows.params("linked", opportunityId.value()));
  }

  @Override
  public Feedback update(Feedback feedback) {
    uow.requireOpen();
    return rows.stored(rows.update(feedback), feedback);
  }

  /** The answers these contacts gave, in id order. */
  List<Feedback> byContacts(java.util.Collection<dev.rapport.crm.common.ContactId> contacts) {
    List<Feedback> found = new java.util.ArrayList<>();
    for (List<UUID> chunk : Rows.chunks(contacts.stream().map(dev.rapport.crm.common.ContactId::value).toList())) {
      rows.list(" and e.contactId in :contacts", Rows.params("contacts", chunk)).forEach(e -> found.add(rows.toDomain(e)));
    }
    found.sort(java.util.Comparator.comparing(f -> f.id().value()));
    return found;
  }
}
