package dev.rapport.crm.tck;

import dev.rapport.crm.campaign.CampaignRepository;
import dev.rapport.crm.contact.ContactRepository;
import dev.rapport.crm.lead.LeadRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.CampaignMember;
import dev.rapport.crm.campaign.CampaignResults;
import dev.rapport.crm.campaign.CampaignStatus;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.Goals;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.campaign.ResponseStatus;
import dev.rapport.crm.common.CampaignId;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.common.TenantId;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.campaign.CampaignMembersAdded;
import dev.rapport.crm.campaign.CampaignPlanned;
import dev.rapport.crm.campaign.CampaignResponseRecorded;
import dev.rapport.crm.campaign.CampaignStatusChanged;
import dev.rapport.crm.lead.LeadTemperatureChanged;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.lead.SignalType;
import dev.rapport.crm.lead.Temperature;
import dev.rapport.crm.opportunity.LostReason;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Campaigns, their members and responses, lead attribution and results: every field reads back
 * equal, members are rows of their own added in batches, a person is a member once, results are
 * the figures worked out by hand, tenants do not see each other's campaigns, and stale versions
 * are refused.
 */
public abstract class CampaignContract extends ContractSupport {

  private NewCampaign.Builder newsletter() {
    return NewCampaign.builder("Spring newsletter", Channel.NEWSLETTER, LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 5, 31), Money.of("5000.00", "EUR"));
  }

  private Lead lead(String name) {
    return crm.leads().capture(NewLead.builder(PersonName.of(name), LeadSource.NEWSLETTER).build());
  }

  private Lead attributedLead(String name, CampaignId campaign) {
    return crm.leads().capture(NewLead.builder(PersonName.of(name), LeadSource.SOCIAL_ADS).campaign(campaign).build());
  }

  private Contact contact(String name) {
    return crm.contacts().create(NewContact.builder(PersonName.of(name)).build());
  }

  @Test
  public void aPlannedCampaignReadsBackWithEveryField() {
    Goals goals = Goals.of(8, 5, Money.of("10000.00", "EUR"));
    Campaign planned = crm.campaigns().plan(newsletter().goals(goals).build());
    assertThat(planned.version()).isEqualTo(1);
    assertThat(planned.status()).isEqualTo(CampaignStatus.PLANNED);
    assertThat(planned.actualCost()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(planned.goals()).isEqualTo(goals);
    assertThat(crm.campaigns().get(planned.id())).isEqualTo(planned);
    assertThat(crm.campaigns().list(PageRequest.first(10)).items()).containsExactly(planned);
    assertThat(events).containsExactly(new CampaignPlanned(tenant, START, planned.id(), "Spring newsletter", Channel.NEWSLETTER));
  }

  @Test
  public void everyFieldOfACampaignAndAMemberRoundTripsThroughTheStore() {
    Instant t = Fixtures.at(START, 0);
    Campaign full = new Campaign(CampaignId.of(Fixtures.uuid()), tenant, 0, "Messe Frankfurt ✓ \uD83D\uDE00",
        Channel.of("podcast_ads"), LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31),
        CampaignStatus.COMPLETED, Money.of("990000", "JPY"), Money.of("123457", "JPY"),
        new Goals(OptionalInt.of(0), OptionalInt.of(Integer.MAX_VALUE), Optional.of(Money.of("999999999999999", "JPY"))),
        Fixtures.at(t, -60), t);
    Campaign bare = new Campaign(CampaignId.of(Fixtures.uuid()), tenant, 0, "x", Channel.EMAIL,
        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), CampaignStatus.PLANNED,
        Money.of("0", "EUR"), Money.of("0", "EUR"), Goals.NONE, t, t);
    Lead lead = inUnitOfWork(uow -> uow.port(LeadRepository.class).insert(Fixtures.minimalLead(tenant, t)));
    Contact contact = inUnitOfWork(uow -> uow.port(ContactRepository.class).insert(Fixtures.minimalContact(tenant, t)));
    ResponseStatus custom = ResponseStatus.of("Asked_Demo", true, Optional.of(SignalType.of("demo_at_stand", SignalType.Intent.BUYING)));
    CampaignMember responded = new CampaignMember(tenant, full.id(), MemberId.lead(lead.id()), 0,
        custom, Fixtures.at(t, 5), Optional.of(Fixtures.at(t, 3)), Fixtures.at(t, -30));
    CampaignMember plain = new CampaignMember(tenant, full.id(), MemberId.contact(contact.id()), 0,
        ResponseStatus.BOUNCED, Fixtures.at(t, 1), Optional.empty(), Fixtures.at(t, 1));
    List<CampaignMember> stored = inUnitOfWork(uow -> {
      assertThat(uow.port(CampaignRepository.class).insert(full)).isEqualTo(versioned(full, 1));
      assertThat(uow.port(CampaignRepository.class).insert(bare)).isEqualTo(versioned(bare, 1));
      return uow.port(CampaignRepository.class).insertMembers(List.of(responded, plain));
    });
    assertThat(stored).containsExactly(versioned(responded, 1), versioned(plain, 1));
    inUnitOfWork(uow -> {
      assertThat(uow.port(CampaignRepository.class).find(full.id())).contains(versioned(full, 1));
      assertThat(uow.port(CampaignRepository.class).find(bare.id())).contains(versioned(bare, 1));
      assertThat(uow.port(CampaignRepository.class).findMember(full.id(), MemberId.lead(lead.id()))).contains(versioned(responded, 1));
      assertThat(uow.port(CampaignRepository.class).findMember(full.id(), MemberId.contact(contact.id()))).contains(versioned(plain, 1));
      assertThat(uow.port(CampaignRepository.class).findMember(bare.id(), MemberId.lead(lead.id()))).isEmpty();
      // a lead's id is not a contact's
      assertThat(uow.port(CampaignRepository.class).findMember(full.id(), MemberId.contact(dev.rapport.crm.common.ContactId.of(lead.id().value())))).isEmpty();
      return null;
    });
    assertThat(snapshot().campaigns()).containsExactly(versioned(full, 1), versioned(bare, 1));
    assertThat(snapshot().campaignMembers()).containsExactlyInAnyOrder(versioned(responded, 1), versioned(plain, 1));
    CampaignMember updated = inUnitOfWork(uow -> uow.port(CampaignRepository.class).updateMember(
        new CampaignMember(tenant, full.id(), MemberId.lead(lead.id()), 1, ResponseStatus.UNSUBSCRIBED,
            Fixtures.at(t, 9), Optional.of(Fixtures.at(t, 3)), Fixtures.at(t, -30))));
    assertThat(updated.version()).isEqualTo(2);
    Optional<CampaignMember> reread = inUnitOfWork(uow -> uow.port(CampaignRepository.class).findMember(full.id(), MemberId.lead(lead.id())));
    assertThat(reread).contains(updated);
  }

  @Test
  public void aLeadCapturedWithACampaignIsAttributedToItAndKeepsItThroughItsLife() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    Lead l = attributedLead("Attributed", c.id());
    assertThat(l.campaign()).contains(c.id());
    assertThat(l.source()).isEqualTo(LeadSource.SOCIAL_ADS);
    assertThat(storedLead(l.id())).contains(l);
    Lead qualified = crm.leads().changeStatus(l.id(), LeadStatus.QUALIFIED);
    assertThat(qualified.campaign()).contains(c.id());
    Lead converted = crm.leads().convert(l.id(), Conversion.standard()).lead();
    assertThat(converted.campaign()).contains(c.id());
    assertThat(storedLead(l.id())).contains(converted);
    List<Lead> batch = crm.leads().captureAll(List.of(
        NewLead.builder(PersonName.of("A"), LeadSource.WEBINAR).campaign(c.id()).build(),
        NewLead.builder(PersonName.of("B"), LeadSource.WEBINAR).build()));
    assertThat(batch.get(0).campaign()).contains(c.id());
    assertThat(batch.get(1).campaign()).isEmpty();
    assertThat(storedLead(batch.get(0).id())).contains(batch.get(0));
    assertThat(crm.campaigns().results(c.id()).leads()).isEqualTo(2);
  }

  @Test
  public void aLeadNamingAnUnknownCampaignIsRefusedAndNothingIsStored() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    StoreSnapshot before = snapshot();
    events.clear();
    CampaignId unknown = CampaignId.of(UUID.randomUUID());
    assertThatThrownBy(() -> attributedLead("X", unknown)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.leads().captureAll(List.of(
        NewLead.builder(PersonName.of("A"), LeadSource.WEBINAR).campaign(c.id()).build(),
        NewLead.builder(PersonName.of("B"), LeadSource.WEBINAR).campaign(unknown).build())))
        .isInstanceOf(NotFoundException.class);
    Crm other = crm(freshTenant(), persistence);
    assertThatThrownBy(() -> other.leads().capture(NewLead.builder(PersonName.of("Y"), LeadSource.WEBINAR).campaign(c.id()).build()))
        .isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  public void theLifecycleMovesPlannedActiveCompletedAndRefusesIllegalMoves() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    assertThatThrownBy(() -> crm.campaigns().complete(c.id())).isInstanceOf(IllegalTransitionException.class);
    Campaign active = crm.campaigns().start(c.id());
    assertThat(active.status()).isEqualTo(CampaignStatus.ACTIVE);
    assertThatThrownBy(() -> crm.campaigns().start(c.id())).isInstanceOf(IllegalTransitionException.class);
    Campaign done = crm.campaigns().complete(c.id());
    assertThat(done.status()).isEqualTo(CampaignStatus.COMPLETED);
    assertThatThrownBy(() -> crm.campaigns().abort(c.id())).isInstanceOf(IllegalTransitionException.class);
    assertThat(crm.campaigns().get(c.id())).isEqualTo(done);
    Campaign other = crm.campaigns().plan(newsletter().build());
    assertThat(crm.campaigns().abort(other.id()).status()).isEqualTo(CampaignStatus.ABORTED);
    assertThatThrownBy(() -> crm.campaigns().recordActualCost(other.id(), Money.of("1.00", "EUR")))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(events).filteredOn(CampaignStatusChanged.class::isInstance).containsExactly(
        new CampaignStatusChanged(tenant, START, c.id(), CampaignStatus.PLANNED, CampaignStatus.ACTIVE),
        new CampaignStatusChanged(tenant, START, c.id(), CampaignStatus.ACTIVE, CampaignStatus.COMPLETED),
        new CampaignStatusChanged(tenant, START, other.id(), CampaignStatus.PLANNED, CampaignStatus.ABORTED));
  }

  @Test
  public void manyMembersAreAddedInOneCommandAsRowsOfTheirOwnWithOneEventNamingThem() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    List<Lead> leads = crm.leads().captureAll(java.util.stream.IntStream.range(0, 1_500)
        .mapToObj(i -> NewLead.builder(PersonName.of("L" + i), LeadSource.PURCHASED_LIST).build()).toList());
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      contacts.add(contact("C" + i));
    }
    List<MemberId> people = new ArrayList<>();
    leads.forEach(l -> people.add(MemberId.lead(l.id())));
    contacts.forEach(x -> people.add(MemberId.contact(x.id())));
    events.clear();
    List<CampaignMember> added = crm.campaigns().addMembers(c.id(), people);
    assertThat(added).hasSize(1_503);
    assertThat(added).allSatisfy(m -> {
      assertThat(m.version()).isEqualTo(1);
      assertThat(m.status()).isEqualTo(ResponseStatus.SENT);
      assertThat(m.statusAt()).isEqualTo(START);
      assertThat(m.respondedAt()).isEmpty();
    });
    assertThat(added).extracting(CampaignMember::member).containsExactlyElementsOf(people);
    assertThat(events).containsExactly(new CampaignMembersAdded(tenant, START, c.id(),
        leads.stream().map(Lead::id).toList(), contacts.stream().map(Contact::id).toList()));
    assertThat(StoreSnapshot.all(p -> crm.campaigns().members(c.id(), p), 500))
        .containsExactlyInAnyOrderElementsOf(added);
    assertThat(crm.campaigns().results(c.id()).members()).isEqualTo(1_503);
  }

  @Test
  public void addingAMemberAgainIsIdempotentAndRaisesNoEvent() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    Lead l = lead("Once");
    Contact x = contact("Twice");
    List<CampaignMember> first = crm.campaigns().addMembers(c.id(), List.of(MemberId.lead(l.id()), MemberId.lead(l.id())));
    assertThat(first).hasSize(1);
    events.clear();
    StoreSnapshot before = snapshot();
    assertThat(crm.campaigns().addMembers(c.id(), List.of(MemberId.lead(l.id())))).isEmpty();
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
    List<CampaignMember> second = crm.campaigns().addMembers(c.id(), List.of(MemberId.lead(l.id()), MemberId.contact(x.id())));
    assertThat(second).extracting(CampaignMember::member).containsExactly(MemberId.contact(x.id()));
    assertThat(events).containsExactly(new CampaignMembersAdded(tenant, START, c.id(), List.of(), List.of(x.id())));
    assertThat(crm.campaigns().getMember(c.id(), MemberId.lead(l.id()))).isEqualTo(first.get(0));
    assertThat(crm.campaigns().results(c.id()).members()).isEqualTo(2);
  }

  @Test
  public void aBatchNamingAnUnknownPersonIsRefusedWhole() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    Lead l = lead("Known");
    StoreSnapshot before = snapshot();
    events.clear();
    assertThatThrownBy(() -> crm.campaigns().addMembers(c.id(), List.of(MemberId.lead(l.id()),
        MemberId.contact(dev.rapport.crm.common.ContactId.of(UUID.randomUUID())))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("contact");
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();
  }

  @Test
  public void aResponseIsRecordedWithItsTimeAndWarmsALeadMember() {
    Campaign c = crm.campaigns().plan(NewCampaign.builder("Closing the books webinar", Channel.WEBINAR,
        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), Money.of("800.00", "EUR")).build());
    Lead cold = lead("Cold");
    assertThat(cold.temperature()).isEqualTo(Temperature.COLD);
    Contact x = contact("Contact");
    crm.campaigns().addMembers(c.id(), List.of(MemberId.lead(cold.id()), MemberId.contact(x.id())));
    assertThatThrownBy(() -> crm.campaigns().recordResponse(c.id(), MemberId.lead(cold.id()), ResponseStatus.REGISTERED))
        .isInstanceOf(IllegalTransitionException.class); // still planned
    crm.campaigns().start(c.id());
    events.clear();
    Instant registered = START.minusSeconds(3600);
    CampaignMember m = crm.campaigns().recordResponse(c.id(), MemberId.lead(cold.id()), ResponseStatus.REGISTERED, registered);
    assertThat(m.status()).isEqualTo(ResponseStatus.REGISTERED);
    assertThat(m.statusAt()).isEqualTo(registered);
    assertThat(m.respondedAt()).contains(registered);
    assertThat(m.version()).isEqualTo(2);
    assertThat(crm.campaigns().getMember(c.id(), MemberId.lead(cold.id()))).isEqualTo(m);
    Lead warm = crm.leads().get(cold.id());
    assertThat(warm.temperature()).isEqualTo(Temperature.WARM);
    assertThat(warm.signals()).singleElement().satisfies(s -> {
      assertThat(s.type()).isEqualTo(SignalType.EVENT_REGISTERED);
      assertThat(s.occurredAt()).isEqualTo(registered);
      assertThat(s.detail()).contains("Closing the books webinar");
    });
    assertThat(events).containsExactly(
        new CampaignResponseRecorded(tenant, START, c.id(), Optional.of(cold.id()), Optional.empty(), ResponseStatus.REGISTERED, registered),
        new LeadTemperatureChanged(tenant, START, cold.id(), Temperature.COLD, Temperature.WARM));
    // a later non-response keeps the first response time; the contact's response names the contact
    CampaignMember unsubscribed = crm.campaigns().recordResponse(c.id(), MemberId.lead(cold.id()), ResponseStatus.UNSUBSCRIBED);
    assertThat(unsubscribed.respondedAt()).contains(registered);
    events.clear();
    crm.campaigns().recordResponse(c.id(), MemberId.contact(x.id()), ResponseStatus.OPENED);
    assertThat(events).containsExactly(new CampaignResponseRecorded(tenant, START, c.id(), Optional.empty(),
        Optional.of(x.id()), ResponseStatus.OPENED, START));
    assertThat(crm.campaigns().results(c.id()).responses()).isEqualTo(1);
    Lead stranger = lead("Stranger");
    assertThatThrownBy(() -> crm.campaigns().recordResponse(c.id(), MemberId.lead(stranger.id()), ResponseStatus.CLICKED))
        .isInstanceOf(NotFoundException.class);
  }

  /**
   * The results of a campaign with members, responses, attributed leads, conversions and deals
   * in two currencies, against the figures worked out by hand.
   */
  @Test
  public void resultsAreTheFiguresWorkedOutByHand() {
    Campaign c = crm.campaigns().plan(newsletter().goals(Goals.of(8, 5, Money.of("10000.00", "EUR"))).build());
    crm.campaigns().start(c.id());
    crm.campaigns().recordActualCost(c.id(), Money.of("1200.00", "EUR"));
    // attributed leads L1..L5; N1, N2 are not attributed
    Lead l1 = attributedLead("L1", c.id());
    Lead l2 = attributedLead("L2", c.id());
    Lead l3 = attributedLead("L3", c.id());
    Lead l4 = attributedLead("L4", c.id());
    attributedLead("L5", c.id());
    Lead n1 = lead("N1");
    Lead n2 = lead("N2");
    List<Contact> cs = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      cs.add(contact("C" + i));
    }
    // members: L1, L2, N1, N2 and C1..C6: 10
    List<MemberId> people = new ArrayList<>(List.of(MemberId.lead(l1.id()), MemberId.lead(l2.id()),
        MemberId.lead(n1.id()), MemberId.lead(n2.id())));
    cs.forEach(x -> people.add(MemberId.contact(x.id())));
    crm.campaigns().addMembers(c.id(), people);
    // responses: L1 registered, N1 clicked, C1 responded (then unsubscribed: still a response),
    // C4 attended; C2 opened and C3 bounced are not responses: 4
    crm.campaigns().recordResponse(c.id(), MemberId.lead(l1.id()), ResponseStatus.REGISTERED);
    crm.campaigns().recordResponse(c.id(), MemberId.lead(n1.id()), ResponseStatus.CLICKED);
    crm.campaigns().recordResponse(c.id(), MemberId.contact(cs.get(0).id()), ResponseStatus.RESPONDED);
    crm.campaigns().recordResponse(c.id(), MemberId.contact(cs.get(0).id()), ResponseStatus.UNSUBSCRIBED);
    crm.campaigns().recordResponse(c.id(), MemberId.contact(cs.get(1).id()), ResponseStatus.OPENED);
    crm.campaigns().recordResponse(c.id(), MemberId.contact(cs.get(2).id()), ResponseStatus.BOUNCED);
    crm.campaigns().recordResponse(c.id(), MemberId.contact(cs.get(3).id()), ResponseStatus.ATTENDED);
    // conversions: L1 -> A 3,000.00 EUR won; L2 -> B 1,500.00 EUR won; L3 -> C 2,000.00 EUR lost;
    // L4 -> D 700.00 USD won; L5 stays a lead. N1 -> E 9,999.00 EUR won does not count.
    Opportunity a = convert(l1, "A", Money.of("3000.00", "EUR"));
    Opportunity b = convert(l2, "B", Money.of("1500.00", "EUR"));
    Opportunity cc = convert(l3, "C", Money.of("2000.00", "EUR"));
    Opportunity d = convert(l4, "D", Money.of("700.00", "USD"));
    Opportunity e = convert(n1, "E", Money.of("9999.00", "EUR"));
    crm.opportunities().win(a.id());
    crm.opportunities().win(b.id());
    crm.opportunities().lose(cc.id(), LostReason.PRICE);
    crm.opportunities().win(d.id());
    crm.opportunities().win(e.id());
    // a deal opened on an account directly has no lead, so no campaign
    Account acme = crm.accounts().create(NewAccount.builder("Acme").build());
    Opportunity direct = crm.opportunities().open(acme.id(), NewOpportunity.builder("Direct", Money.of("50.00", "EUR")).build());
    crm.opportunities().win(direct.id());

    CampaignResults r = crm.campaigns().results(c.id());
    assertThat(r.campaignId()).isEqualTo(c.id());
    assertThat(r.members()).isEqualTo(10);
    assertThat(r.responses()).isEqualTo(4);
    assertThat(r.responseRate()).contains(new BigDecimal("0.4000")); // 4 / 10
    assertThat(r.leads()).isEqualTo(5); // L1..L5
    assertThat(r.convertedLeads()).isEqualTo(4); // L1..L4
    assertThat(r.opportunities()).isEqualTo(4); // A, B, C, D
    assertThat(r.wonDeals()).isEqualTo(3); // A, B, D
    assertThat(r.wonRevenue()).isEqualTo(Money.of("4500.00", "EUR")); // 3,000.00 + 1,500.00
    assertThat(r.wonRevenueInOtherCurrencies()).containsExactly(Money.of("700.00", "USD"));
    assertThat(r.actualCost()).isEqualTo(Money.of("1200.00", "EUR"));
    assertThat(r.costPerLead()).contains(Money.of("240.00", "EUR")); // 1,200.00 / 5
    assertThat(r.costPerWonDeal()).contains(Money.of("400.00", "EUR")); // 1,200.00 / 3
    assertThat(r.roi()).contains(new BigDecimal("2.7500")); // (4,500.00 - 1,200.00) / 1,200.00 = 3,300 / 1,200
    assertThat(r.leadGoalReached()).contains(new BigDecimal("0.6250")); // 5 / 8
    assertThat(r.responseGoalReached()).contains(new BigDecimal("0.8000")); // 4 / 5
    assertThat(r.revenueGoalReached()).contains(new BigDecimal("0.4500")); // 4,500.00 / 10,000.00
  }

  private Opportunity convert(Lead lead, String name, Money amount) {
    crm.leads().changeStatus(lead.id(), LeadStatus.QUALIFIED);
    return crm.leads().convert(lead.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder(name, amount).build())).opportunity().orElseThrow();
  }

  @Test
  public void anEmptyCampaignHasNoRatiosAndRoundsHalfEven() {
    Campaign c = crm.campaigns().plan(NewCampaign.builder("Empty", Channel.DIRECT_MAIL, LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 2, 1), Money.of("100.00", "EUR")).build());
    CampaignResults r = crm.campaigns().results(c.id());
    assertThat(r.members()).isZero();
    assertThat(r.responseRate()).isEmpty();
    assertThat(r.costPerLead()).isEmpty();
    assertThat(r.costPerWonDeal()).isEmpty();
    assertThat(r.roi()).isEmpty(); // no cost: no ROI
    assertThat(r.leadGoalReached()).isEmpty();
    assertThat(r.wonRevenue()).isEqualTo(Money.of("0.00", "EUR"));
    crm.campaigns().start(c.id());
    crm.campaigns().recordActualCost(c.id(), Money.of("100.00", "EUR"));
    for (int i = 0; i < 3; i++) {
      attributedLead("L" + i, c.id());
    }
    r = crm.campaigns().results(c.id());
    assertThat(r.costPerLead()).contains(Money.of("33.33", "EUR")); // 100.00 / 3 = 33.333...
    assertThat(r.roi()).contains(new BigDecimal("-1.0000")); // (0 - 100.00) / 100.00
  }

  @Test
  public void anotherTenantSeesNoneOfACampaign() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    Lead l = lead("Mine");
    crm.campaigns().addMembers(c.id(), List.of(MemberId.lead(l.id())));
    TenantId otherTenant = freshTenant();
    Crm other = crm(otherTenant, persistence);
    assertThatThrownBy(() -> other.campaigns().get(c.id())).isInstanceOf(NotFoundException.class);
    assertThat(other.campaigns().find(c.id())).isEmpty();
    assertThat(other.campaigns().list(PageRequest.first(10)).items()).isEmpty();
    assertThatThrownBy(() -> other.campaigns().start(c.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.campaigns().results(c.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> other.campaigns().members(c.id(), PageRequest.first(10))).isInstanceOf(NotFoundException.class);
    Campaign theirs = other.campaigns().plan(newsletter().build());
    assertThatThrownBy(() -> other.campaigns().addMembers(theirs.id(), List.of(MemberId.lead(l.id()))))
        .isInstanceOf(NotFoundException.class);
    Optional<CampaignMember> seen = persistence.inUnitOfWork(otherTenant, uow -> uow.port(CampaignRepository.class).findMember(c.id(), MemberId.lead(l.id())));
    assertThat(seen).isEmpty();
    long counted = persistence.inUnitOfWork(otherTenant, uow -> uow.port(CampaignRepository.class).totals(c.id()).members());
    assertThat(counted).isZero();
    assertThat(StoreSnapshot.capture(persistence, otherTenant).campaignMembers()).isEmpty();
  }

  @Test
  public void staleVersionsAreRefusedAndNothingChanges() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    Campaign active = crm.campaigns().ifVersion(c.version()).start(c.id());
    assertThat(active.version()).isEqualTo(2);
    Lead l = lead("Member");
    crm.campaigns().addMembers(c.id(), List.of(MemberId.lead(l.id())));
    StoreSnapshot before = snapshot();
    // the refusal says both versions, so the caller knows how far behind it is
    assertThatThrownBy(() -> crm.campaigns().ifVersion(c.version()).recordActualCost(c.id(), Money.of("5.00", "EUR")))
        .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.currentVersion()).hasValue(2);
          assertThat(e).hasMessageContaining("started from version 1, it is now at version 2");
        });
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(CampaignRepository.class).update(c)))
        .isInstanceOfSatisfying(ConcurrentUpdateException.class, e -> {
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.currentVersion()).hasValue(2);
        });
    CampaignMember m = crm.campaigns().getMember(c.id(), MemberId.lead(l.id()));
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(CampaignRepository.class).updateMember(versioned(m, m.version() + 1))))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> inUnitOfWork(uow -> uow.port(CampaignRepository.class).insertMembers(List.of(versioned(m, 0)))))
        .isInstanceOf(DuplicateException.class);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void twoWritersOfOneMemberOneWinsTheOtherIsRefused() {
    Campaign c = crm.campaigns().plan(newsletter().build());
    Lead l = lead("Raced");
    crm.campaigns().addMembers(c.id(), List.of(MemberId.lead(l.id())));
    MemberId id = MemberId.lead(l.id());
    java.util.concurrent.CountDownLatch bothRead = new java.util.concurrent.CountDownLatch(2);
    java.util.concurrent.CountDownLatch firstCommitted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<CampaignMember> first = Threads.start("first", () -> {
      CampaignMember r = inUnitOfWork(uow -> {
        CampaignMember m = uow.port(CampaignRepository.class).findMember(c.id(), id).orElseThrow();
        bothRead.countDown();
        Threads.await(bothRead);
        return uow.port(CampaignRepository.class).updateMember(new CampaignMember(tenant, c.id(), id, m.version(),
            ResponseStatus.OPENED, START, Optional.empty(), m.addedAt()));
      });
      firstCommitted.countDown();
      return r;
    });
    java.util.concurrent.CompletableFuture<CampaignMember> second = Threads.start("second", () -> inUnitOfWork(uow -> {
      CampaignMember m = uow.port(CampaignRepository.class).findMember(c.id(), id).orElseThrow();
      bothRead.countDown();
      Threads.await(firstCommitted);
      return uow.port(CampaignRepository.class).updateMember(new CampaignMember(tenant, c.id(), id, m.version(),
          ResponseStatus.CLICKED, START, Optional.of(START), m.addedAt()));
    }));
    Object winner = Threads.outcome(first);
    Object loser = Threads.outcome(second);
    assertThat(winner).isInstanceOf(CampaignMember.class);
    assertThat(loser).isInstanceOf(ConcurrentUpdateException.class);
    assertThat(crm.campaigns().getMember(c.id(), id)).isEqualTo(winner);
  }
}
