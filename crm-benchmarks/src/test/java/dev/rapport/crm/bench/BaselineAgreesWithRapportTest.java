package dev.rapport.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The baseline answers what Rapport answers, so that the benchmarks compare like with like. */
class BaselineAgreesWithRapportTest {
  private static final int LEADS = 20_000; // 67 hot leads per owner

  private final Crm crm = Fixture.memoryCrm();
  private final HandStore hand = new HandStore();

  BaselineAgreesWithRapportTest() {
    Fixture.capture(crm, MemoryStores.STORED, LEADS);
    Instant now = Instant.now();
    for (int i = 0; i < LEADS; i++) {
      MemoryStores.capture(hand, MemoryStores.STORED, i, now);
    }
  }

  @Test
  void bothFindTheSameLeadByEmailInAnyCase() {
    String email = Fixture.email(MemoryStores.STORED, 1234).toUpperCase(java.util.Locale.ROOT);

    List<Lead> found = crm.leads().findByEmail(email);

    assertThat(found).singleElement().satisfies(l -> assertThat(Fixture.sameAs(l, "lead", 1234)).isTrue());
    assertThat(hand.findByEmail(email).email()).isEqualTo(found.get(0).email().orElseThrow().address());
  }

  @Test
  void bothPageTheSameHotLeadsOfAnOwnerInCaptureOrder() {
    var page = crm.leads().query(LeadQuery.all().withOwner("owner-7")
        .withTemperatures(Set.of(Temperature.HOT)), PageRequest.first(MemoryReads.PAGE));
    List<HandStore.LeadRow> rows = hand.hotLeadsOf("owner-7", MemoryReads.PAGE);

    assertThat(page.items()).hasSize(MemoryReads.PAGE);
    assertThat(page.hasNext()).isTrue();
    assertThat(rows).hasSize(MemoryReads.PAGE + 1); // one more: the baseline's "next page" flag
    assertThat(rows.subList(0, MemoryReads.PAGE)).extracting(HandStore.LeadRow::email)
        .containsExactlyElementsOf(page.items().stream()
            .map(l -> l.email().orElseThrow().address()).toList());
    long hot = crm.leads().count(LeadQuery.all().withOwner("owner-7").withTemperatures(Set.of(Temperature.HOT)));
    assertThat(hot).isGreaterThan(MemoryReads.PAGE).isEqualTo(hand.countHotLeadsOf("owner-7"));
  }

  @Test
  void bothConvertAQualifiedLeadIntoContactAccountAndOpportunity() {
    Instant now = Instant.now();
    Lead lead = crm.leads().capture(Fixture.convertibleLead(1, now));
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    ConversionResult result = crm.leads().convert(lead.id(),
        Conversion.standard().withOpportunity(Fixture.deal(0)));

    HandStore.LeadRow row = hand.capture("Ada", "Lovelace", "buyer1@buyer1.example", "Buyer 1 Ltd",
        "owner-1", "webinar", SignalType.DEMO_REQUEST, now);
    hand.changeStatus(row.id(), LeadStatus.QUALIFIED, now);
    HandStore.OpportunityRow opportunity = hand.convert(row.id(), "Ledger suite 0", Fixture.DEAL_AMOUNT, now);

    assertThat(result.accountCreated()).isTrue();
    assertThat(result.contactCreated()).isTrue();
    assertThat(result.opportunity()).isPresent();
    assertThat(hand.leads.get(row.id()).status()).isEqualTo(LeadStatus.CONVERTED);
    assertThat(hand.accounts).containsKey(opportunity.accountId());
    assertThat(hand.contacts).containsKey(opportunity.primaryContact());
    assertThat(result.opportunity().get().stage()).isEqualTo(opportunity.stage());
  }
}
