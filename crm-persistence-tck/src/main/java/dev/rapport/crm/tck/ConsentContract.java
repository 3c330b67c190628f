package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.activity.TimelineItem;
import dev.rapport.crm.campaign.Campaign;
import dev.rapport.crm.campaign.Channel;
import dev.rapport.crm.campaign.ConsentPolicy;
import dev.rapport.crm.campaign.MemberId;
import dev.rapport.crm.campaign.NewCampaign;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.ContactConsentRecorded;
import dev.rapport.crm.contact.MarketingConsent;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.NewLead;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Marketing consent on the adapter: every change of a contact's consent is recorded with its source
 * as an event and a line of the contact's timeline; under a strict {@link ConsentPolicy} a
 * marketing campaign refuses members without consent (naming them, storing nothing), while other
 * channels, and people with consent, are added as before.
 */
public abstract class ConsentContract extends ContractSupport {

  private Crm strict() {
    return Crm.builder().persistence(persistence).tenant(tenant).clock(clock).listener(events::add)
        .consentPolicy(ConsentPolicy.strict()).build();
  }

  private Campaign active(String name, Channel channel) {
    Campaign c = crm.campaigns().plan(NewCampaign.builder(name, channel, LocalDate.of(2025, 3, 1),
        LocalDate.of(2025, 3, 31), Money.of("10.00", "EUR")).build());
    return crm.campaigns().start(c.id());
  }

  @Test
  public void everyConsentChangeIsRecordedWithItsSourceInTheContactsTimeline() {
    Contact mary = crm.contacts().create(NewContact.builder(PersonName.of("Mary", "Somerville"))
        .email("mary@somerville.example").consent(new MarketingConsent(true, START, "signup form")).build());
    clock.advance(java.time.Duration.ofDays(3));
    crm.contacts().recordConsent(mary.id(), false, "phone call, 3 March");
    clock.advance(java.time.Duration.ofDays(30));
    Contact back = crm.contacts().recordConsent(mary.id(), true, "webinar registration");

    assertThat(back.marketingConsent()).contains(new MarketingConsent(true, clock.instant(), "webinar registration"));
    assertThat(events).filteredOn(e -> e instanceof ContactConsentRecorded).extracting(e -> (ContactConsentRecorded) e)
        .extracting(ContactConsentRecorded::granted, ContactConsentRecorded::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(true, "signup form"),
            org.assertj.core.groups.Tuple.tuple(false, "phone call, 3 March"),
            org.assertj.core.groups.Tuple.tuple(true, "webinar registration"));
    assertThat(crm.timeline().contact(mary.id(), PageRequest.first(10)).items())
        .filteredOn(i -> i.kind() == TimelineItem.Kind.HISTORY).extracting(i -> i.summary().orElseThrow())
        .contains("Marketing consent given (signup form)", "Marketing consent withdrawn (phone call, 3 March)",
            "Marketing consent given (webinar registration)");
    // a contact created without consent records none
    events.clear();
    crm.contacts().create(NewContact.builder(PersonName.of("Sven", "Stumm")).build());
    assertThat(events).noneMatch(e -> e instanceof ContactConsentRecorded);
  }

  @Test
  public void aStrictPolicyRefusesMarketingMembersWithoutConsentAndStoresNothing() {
    Contact yes = crm.contacts().create(NewContact.builder(PersonName.of("Ja", "Sager")).email("ja@x.example")
        .consent(new MarketingConsent(true, START, "form")).build());
    Contact no = crm.contacts().create(NewContact.builder(PersonName.of("Nein", "Sager")).email("nein@x.example")
        .consent(new MarketingConsent(false, START, "form")).build());
    Contact silent = crm.contacts().create(NewContact.builder(PersonName.of("Stumm")).build());
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Otto", "Lang"), LeadSource.WEBINAR).build());
    Campaign news = active("News", Channel.NEWSLETTER);
    Crm strict = strict();

    StoreSnapshot before = snapshot();
    events.clear();
    for (MemberId without : List.of(MemberId.contact(no.id()), MemberId.contact(silent.id()), MemberId.lead(lead.id()))) {
      assertThatThrownBy(() -> strict.campaigns().addMembers(news.id(), List.of(MemberId.contact(yes.id()), without)))
          .isInstanceOf(ValidationException.class).hasMessageContaining("members")
          .hasMessageContaining("no marketing consent").hasMessageContaining(without.toString())
          .hasMessageNotContaining(MemberId.contact(yes.id()).toString());
    }
    assertThat(snapshot()).isEqualTo(before);
    assertThat(events).isEmpty();

    assertThat(strict.campaigns().addMembers(news.id(), List.of(MemberId.contact(yes.id())))).hasSize(1);
    // a channel that does not market to the person (an event) takes anyone; so does the standard policy
    Campaign fair = active("Fair", Channel.TRADE_SHOW);
    assertThat(strict.campaigns().addMembers(fair.id(), List.of(MemberId.contact(silent.id()), MemberId.lead(lead.id()))))
        .hasSize(2);
    assertThat(crm.campaigns().addMembers(news.id(), List.of(MemberId.contact(silent.id())))).hasSize(1);
    // leads count as consenting where the host's law allows it
    Crm optOut = Crm.builder().persistence(persistence).tenant(tenant).clock(clock)
        .consentPolicy(ConsentPolicy.strict().withLeadsConsenting()).build();
    assertThat(optOut.campaigns().addMembers(news.id(), List.of(MemberId.lead(lead.id())))).hasSize(1);
    // people already members are not checked again (adding is idempotent)
    assertThat(strict.campaigns().addMembers(news.id(), List.of(MemberId.contact(silent.id())))).isEmpty();
  }
}
