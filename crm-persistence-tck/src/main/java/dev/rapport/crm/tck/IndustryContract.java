package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.analytics.Effectiveness;
import dev.rapport.crm.analytics.EffectivenessRow;
import dev.rapport.crm.analytics.Period;
import dev.rapport.crm.analytics.ReportFilter;
import dev.rapport.crm.common.AccountId;
import dev.rapport.crm.common.Industry;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.exception.ConcurrentUpdateException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadMergePlan;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.LeadUpdate;
import dev.rapport.crm.lead.NewLead;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A lead's and an account's industry on the adapter: stored and read back (a host's own code
 * too), filtered and counted in lead queries, carried by conversion, set on an account, kept by a
 * merge, and grouped by in the effectiveness report.
 */
public abstract class IndustryContract extends ContractSupport {

  private Lead lead(String family, LeadSource source, Industry industry) {
    NewLead.Builder b = NewLead.builder(PersonName.of("Pat", family), source);
    if (industry != null) {
      b.industry(industry);
    }
    return crm.leads().capture(b.build());
  }

  @Test
  public void aLeadsIndustryIsStoredReadBackAndCorrected() {
    Lead named = crm.leads().capture(NewLead.builder(PersonName.of("Ann", "Lee"), LeadSource.WEBINAR)
        .industry("Food & Beverage").build());
    Lead own = lead("Own", LeadSource.REFERRAL, Industry.of("maritime_insurance"));
    Lead none = lead("None", LeadSource.REFERRAL, null);

    assertThat(crm.leads().get(named.id()).industry()).contains(Industry.FOOD_AND_BEVERAGE);
    assertThat(crm.leads().get(own.id()).industry()).contains(Industry.of("maritime_insurance"));
    assertThat(crm.leads().get(none.id()).industry()).isEmpty();

    Lead corrected = crm.leads().update(named.id(), LeadUpdate.builder().industry(Industry.RETAIL).build());
    assertThat(corrected.industry()).contains(Industry.RETAIL);
    assertThat(crm.leads().get(named.id())).isEqualTo(corrected);
    // an update that leaves the industry alone keeps it
    Lead renamed = crm.leads().update(named.id(), LeadUpdate.builder().title("Buyer").build());
    assertThat(crm.leads().get(named.id()).industry()).contains(Industry.RETAIL);
    assertThat(renamed.version()).isEqualTo(corrected.version() + 1);
  }

  @Test
  public void leadsAreFilteredAndCountedByIndustry() {
    Lead a = lead("A", LeadSource.WEBINAR, Industry.TECHNOLOGY);
    Lead b = lead("B", LeadSource.REFERRAL, Industry.TECHNOLOGY);
    Lead c = lead("C", LeadSource.WEBINAR, Industry.RETAIL);
    lead("D", LeadSource.WEBINAR, Industry.BANKING);
    lead("E", LeadSource.WEBINAR, null);

    LeadQuery techOrRetail = LeadQuery.all().withIndustries(Set.of(Industry.TECHNOLOGY, Industry.RETAIL));
    assertThat(crm.leads().query(techOrRetail, PageRequest.first(10)).items()).extracting(Lead::id)
        .containsExactlyInAnyOrder(a.id(), b.id(), c.id());
    assertThat(crm.leads().count(techOrRetail)).isEqualTo(3);
    LeadQuery webinarTech = techOrRetail.withSources(Set.of(LeadSource.WEBINAR));
    assertThat(crm.leads().query(webinarTech, PageRequest.first(10)).items()).extracting(Lead::id)
        .containsExactlyInAnyOrder(a.id(), c.id());
    assertThat(crm.leads().count(LeadQuery.all().withIndustries(Set.of(Industry.of("shipping"))))).isZero();
    // a lead of no known industry matches only a query that asks for none
    assertThat(crm.leads().count(LeadQuery.all())).isEqualTo(5);
    // paged in two halves, the same three
    List<Lead> first = crm.leads().query(techOrRetail, PageRequest.first(2)).items();
    assertThat(first).hasSize(2);
  }

  @Test
  public void conversionGivesANewAccountTheLeadsIndustryAndFillsAnAccountWithoutOne() {
    Lead tech = qualified("Tech", Industry.TECHNOLOGY);
    ConversionResult r = crm.leads().convert(tech.id(), Conversion.standard());
    assertThat(crm.accounts().get(r.account().id()).industry()).contains(Industry.TECHNOLOGY);

    Account bare = crm.accounts().create(NewAccount.builder("Bare Ltd").build());
    Lead retail = qualified("Retail", Industry.RETAIL);
    ConversionResult filled = crm.leads().convert(retail.id(), Conversion.standard().toAccount(bare.id()));
    assertThat(crm.accounts().get(bare.id()).industry()).contains(Industry.RETAIL);
    assertThat(filled.account().industry()).contains(Industry.RETAIL);

    Lead banking = qualified("Banking", Industry.BANKING);
    crm.leads().convert(banking.id(), Conversion.standard().toAccount(bare.id()));
    assertThat(crm.accounts().get(bare.id()).industry()).as("an account's own industry stays").contains(Industry.RETAIL);
  }

  private Lead qualified(String company, Industry industry) {
    Lead l = crm.leads().capture(NewLead.builder(PersonName.of("Sam", company), LeadSource.REFERRAL)
        .company(company + " " + UUID.randomUUID()).industry(industry).build());
    return crm.leads().changeStatus(l.id(), LeadStatus.QUALIFIED);
  }

  @Test
  public void anAccountsIndustryIsSetAndChangedOnlyWhenItDiffers() {
    Account a = crm.accounts().create(NewAccount.builder("Wholesale Co").industry("Wholesale").build());
    assertThat(crm.accounts().get(a.id()).industry()).contains(Industry.WHOLESALE);

    Account changed = crm.accounts().changeIndustry(a.id(), Industry.of("Not For Profit"));
    assertThat(changed.industry()).contains(Industry.NOT_FOR_PROFIT);
    assertThat(changed.version()).isEqualTo(a.version() + 1);
    assertThat(crm.accounts().get(a.id())).isEqualTo(changed);
    assertThat(crm.accounts().changeIndustry(a.id(), Industry.NOT_FOR_PROFIT).version())
        .as("the same industry again writes nothing").isEqualTo(changed.version());

    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.accounts().changeIndustry(AccountId.of(UUID.randomUUID()), Industry.RETAIL))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> crm.accounts().changeIndustry(a.id(), null))
        .isInstanceOf(ValidationException.class).hasMessageContaining("industry");
    assertThatThrownBy(() -> crm.accounts().ifVersion(a.version()).changeIndustry(a.id(), Industry.RETAIL))
        .isInstanceOf(ConcurrentUpdateException.class);
    assertThatThrownBy(() -> NewAccount.builder("X").industry("日本の産業"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("industry");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void accountsAreListedAndCountedByIndustryAPageAtATime() {
    List<AccountId> retail = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      retail.add(crm.accounts().create(NewAccount.builder("Shop " + i).industry(Industry.RETAIL).build()).id());
      crm.accounts().create(NewAccount.builder("Bank " + i).industry(Industry.BANKING).build());
    }
    crm.accounts().create(NewAccount.builder("Unknown").build());
    assertThat(crm.accounts().countByIndustry(Industry.RETAIL)).isEqualTo(7);
    assertThat(crm.accounts().countByIndustry(Industry.of("shipping"))).isZero();
    List<AccountId> paged = new java.util.ArrayList<>();
    dev.rapport.crm.common.Page<Account> page = crm.accounts().listByIndustry(Industry.RETAIL, PageRequest.first(3));
    paged.addAll(page.items().stream().map(Account::id).toList());
    while (page.nextCursor().isPresent()) {
      page = crm.accounts().listByIndustry(Industry.RETAIL, PageRequest.after(page.nextCursor().get(), 3));
      paged.addAll(page.items().stream().map(Account::id).toList());
    }
    assertThat(paged).containsExactlyInAnyOrderElementsOf(retail).doesNotHaveDuplicates();
    assertThatThrownBy(() -> crm.accounts().listByIndustry(null, PageRequest.first(3)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  public void aMergeKeepsTheSurvivorsIndustryOrFillsItOrTakesTheChosenOne() {
    Lead survivor = lead("Survivor", LeadSource.WEBINAR, null);
    Lead duplicate = lead("Duplicate", LeadSource.WEBINAR, Industry.HEALTHCARE);
    crm.leads().merge(LeadMergePlan.of(survivor.id(), List.of(duplicate.id())));
    assertThat(crm.leads().get(survivor.id()).industry()).as("a gap filled").contains(Industry.HEALTHCARE);

    Lead keeper = lead("Keeper", LeadSource.WEBINAR, Industry.EDUCATION);
    Lead other = lead("Other", LeadSource.WEBINAR, Industry.ENERGY);
    crm.leads().merge(LeadMergePlan.of(keeper.id(), List.of(other.id()))
        .taking(LeadMergePlan.Field.INDUSTRY, other.id()));
    assertThat(crm.leads().get(keeper.id()).industry()).as("the chosen one").contains(Industry.ENERGY);
  }

  @Test
  public void effectivenessHasARowPerIndustryMostLeadsFirstAndLeadsOfNoIndustryLast() {
    lead("T1", LeadSource.WEBINAR, Industry.TECHNOLOGY);
    lead("T2", LeadSource.REFERRAL, Industry.TECHNOLOGY);
    lead("N1", LeadSource.WEBINAR, null);
    lead("B1", LeadSource.WEBINAR, Industry.BANKING);
    lead("A1", LeadSource.WEBINAR, Industry.AGRICULTURE);
    Lead converted = qualified("Converted", Industry.TECHNOLOGY);
    crm.leads().convert(converted.id(), Conversion.standard());

    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Effectiveness e = crm.analytics().effectiveness(Period.of(today, today), ReportFilter.all());
    assertThat(e.byIndustry()).extracting(EffectivenessRow::industry).containsExactly(
        java.util.Optional.of(Industry.TECHNOLOGY), java.util.Optional.of(Industry.AGRICULTURE),
        java.util.Optional.of(Industry.BANKING), java.util.Optional.empty());
    EffectivenessRow tech = e.byIndustry().get(0);
    assertThat(tech.leads()).isEqualTo(3);
    assertThat(tech.qualified()).isEqualTo(1);
    assertThat(tech.converted()).isEqualTo(1);
    assertThat(tech.source()).isEmpty();
    assertThat(tech.campaign()).isEmpty();
    assertThat(e.byIndustry().get(3).leads()).isEqualTo(1);
    assertThat(e.byIndustry().stream().mapToLong(EffectivenessRow::leads).sum()).isEqualTo(e.total().leads());
    assertThat(e.bySource()).allMatch(r -> r.industry().isEmpty());
    assertThat(e.total().industry()).isEmpty();
  }
}
