package dev.rapport.crm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PageRequest;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.exception.DuplicateException;
import dev.rapport.crm.exception.IllegalTransitionException;
import dev.rapport.crm.exception.NotFoundException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFieldChanged;
import dev.rapport.crm.field.CustomFieldDefined;
import dev.rapport.crm.field.CustomFieldRemoved;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.CustomFieldsChanged;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadMergePlan;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.opportunity.NewOpportunity;
import dev.rapport.crm.opportunity.Opportunity;
import dev.rapport.crm.service.NewCase;
import dev.rapport.crm.service.ServiceCase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Custom fields on the adapter: definitions stored and read back, values of every type on every
 * kind of record stored and read back unchanged (at their limits, with characters that JSON and
 * SQL escape), leads found and counted by a value, refusals that change nothing, definition
 * changes checked against the stored values, removal, conversion and merges.
 */
public abstract class CustomFieldContract extends ContractSupport {
  /** Every character JSON or a LIKE pattern treats specially, an emoji and an accent. */
  static final String AWKWARD = "50% \"off\" _now_ \\ back!slash: {\"x\":1} é \uD83D\uDE00";

  private static List<String> options(int n) {
    List<String> o = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      o.add(String.format("o%02d_%s", i, "x".repeat(46))); // 50 characters each
    }
    return o;
  }

  /** One field of each type on the kind, each at its widest. */
  private void defineEveryType(RecordKind kind) {
    crm.customFields().define(CustomField.of(kind, "note", "Note", FieldType.TEXT).withMaxLength(FieldValue.MAX_TEXT));
    crm.customFields().define(CustomField.of(kind, "seats", "Seats", FieldType.NUMBER)
        .withRange(new BigDecimal("-999999999999999.999999"), new BigDecimal("999999999999999.999999")));
    crm.customFields().define(CustomField.of(kind, "budget", "Budget", FieldType.MONEY));
    crm.customFields().define(CustomField.of(kind, "renewal", "Renewal", FieldType.DATE));
    crm.customFields().define(CustomField.of(kind, "vip", "VIP", FieldType.BOOLEAN));
    crm.customFields().define(CustomField.choice(kind, "tier", "Tier", false, options(CustomField.MAX_OPTIONS)));
    crm.customFields().define(CustomField.choice(kind, "tags", "Tags", true, options(CustomField.MAX_OPTIONS)));
  }

  private static CustomFields everyType() {
    return CustomFields.empty()
        .with("note", FieldValue.text(AWKWARD + "x".repeat(FieldValue.MAX_TEXT - AWKWARD.codePointCount(0, AWKWARD.length()))))
        .with("seats", FieldValue.number(new BigDecimal("-999999999999999.999999")))
        .with("budget", FieldValue.money(Money.of("999999999999999.9999", "CLF")))
        .with("renewal", FieldValue.date(LocalDate.of(9999, 12, 31)))
        .with("vip", FieldValue.bool(true))
        .with("tier", FieldValue.choice(options(CustomField.MAX_OPTIONS).get(0)))
        .with("tags", FieldValue.choices(options(CustomField.MAX_OPTIONS).subList(50, 100)));
  }

  @Test
  public void definitionsAreStoredAndReadBackWithEveryRule() {
    CustomField text = CustomField.of(RecordKind.LEAD, "note", AWKWARD, FieldType.TEXT).withMaxLength(17).withRequired(false)
        .withPredictive(true);
    CustomField number = CustomField.of(RecordKind.CASE, "hours", "Hours", FieldType.NUMBER)
        .withRange(new BigDecimal("0.5"), new BigDecimal("1000"));
    CustomField choice = CustomField.choice(RecordKind.OPPORTUNITY, "region", "Region", true, List.of("emea", "apac", "amer"));
    for (CustomField f : List.of(text, number, choice)) {
      assertThat(crm.customFields().define(f)).isEqualTo(f);
      assertThat(crm.customFields().find(f.kind(), f.key())).contains(f);
    }
    assertThat(crm.customFields().fields(RecordKind.OPPORTUNITY)).containsExactly(choice);
    assertThat(crm.customFields().fields(RecordKind.CONTACT)).isEmpty();
    assertThat(events).hasAtLeastOneElementOfType(CustomFieldDefined.class);
    assertThatThrownBy(() -> crm.customFields().define(number.withLabel("Again")))
        .isInstanceOf(DuplicateException.class);
  }

  @Test
  public void valuesOfEveryTypeOnEveryKindAreStoredAndReadBackUnchanged() {
    Map<RecordKind, Supplier<CustomFields>> stored = new EnumMap<>(RecordKind.class);
    for (RecordKind k : RecordKind.values()) {
      defineEveryType(k);
    }
    CustomFields values = everyType();
    Lead lead = crm.leads().capture(NewLead.builder(PersonName.of("Ann", "Lee"), LeadSource.WEBINAR).fields(values).build());
    Account account = crm.accounts().create(NewAccount.builder("Fields Ltd").fields(values).build());
    Contact contact = crm.contacts().create(NewContact.builder(PersonName.of("Bo", "Ek")).account(account.id())
        .fields(values).build());
    Opportunity opportunity = crm.opportunities().open(account.id(),
        NewOpportunity.builder("Deal", Money.of("10.00", "EUR")).fields(values).build());
    ServiceCase serviceCase = crm.cases().open(NewCase.builder(account.id(), "Help").fields(values).build());
    stored.put(RecordKind.LEAD, () -> crm.leads().get(lead.id()).fields());
    stored.put(RecordKind.ACCOUNT, () -> crm.accounts().get(account.id()).fields());
    stored.put(RecordKind.CONTACT, () -> crm.contacts().get(contact.id()).fields());
    stored.put(RecordKind.OPPORTUNITY, () -> crm.opportunities().get(opportunity.id()).fields());
    stored.put(RecordKind.CASE, () -> crm.cases().get(serviceCase.id()).fields());
    stored.forEach((k, read) -> assertThat(read.get()).as(k.name()).isEqualTo(values));

    // setFields replaces them whole; a key left out loses its value
    CustomFields fewer = values.without("note").with("seats", FieldValue.number(3));
    assertThat(crm.leads().setFields(lead.id(), fewer).fields()).isEqualTo(fewer);
    assertThat(crm.accounts().setFields(account.id(), fewer).version()).isEqualTo(account.version() + 1);
    assertThat(crm.contacts().setFields(contact.id(), fewer).fields()).isEqualTo(fewer);
    assertThat(crm.opportunities().setFields(opportunity.id(), fewer).fields()).isEqualTo(fewer);
    assertThat(crm.cases().setFields(serviceCase.id(), fewer).fields()).isEqualTo(fewer);
    stored.forEach((k, read) -> assertThat(read.get()).as(k.name()).isEqualTo(fewer));
    // each record made with values, then each changed: the values carried by the events
    List<CustomFieldsChanged> changes = events.stream().filter(CustomFieldsChanged.class::isInstance)
        .map(CustomFieldsChanged.class::cast).toList();
    assertThat(changes).hasSize(10);
    assertThat(changes.subList(0, 5)).allMatch(e -> e.before().isEmpty() && e.after().equals(values));
    assertThat(changes.subList(0, 5)).extracting(CustomFieldsChanged::kind).containsExactly(RecordKind.LEAD,
        RecordKind.ACCOUNT, RecordKind.CONTACT, RecordKind.OPPORTUNITY, RecordKind.CASE);
    assertThat(changes.subList(5, 10)).allMatch(e -> e.before().equals(values) && e.after().equals(fewer));
    assertThat(changes.get(0).recordId()).isEqualTo(lead.id().value());
    // the same values again change nothing, not even the version
    assertThat(crm.cases().setFields(serviceCase.id(), fewer).version()).isEqualTo(crm.cases().get(serviceCase.id()).version());
  }

  @Test
  public void leadsAreFoundAndCountedByAValueAndNothingElseMatches() {
    crm.customFields().define(CustomField.choice(RecordKind.LEAD, "tier", "Tier", false, List.of("gold", "silver")));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "note", "Note", FieldType.TEXT).withMaxLength(500));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "seats", "Seats", FieldType.NUMBER));
    crm.customFields().define(CustomField.choice(RecordKind.LEAD, "tags", "Tags", true, List.of("a", "b", "c")));
    Lead gold = lead("Gold", CustomFields.empty().with("tier", FieldValue.choice("gold")).with("seats", FieldValue.number(25)));
    Lead gold2 = lead("Gold2", CustomFields.empty().with("tier", FieldValue.choice("gold")).with("seats", FieldValue.number(250)));
    lead("Silver", CustomFields.empty().with("tier", FieldValue.choice("silver")).with("seats", FieldValue.number(25)));
    // a text holding what another field's entry looks like, and the awkward characters
    Lead mimic = lead("Mimic", CustomFields.empty().with("note",
        FieldValue.text("\"tier\":{\"type\":\"CHOICE\",\"value\":\"gold\"}")));
    Lead awkward = lead("Awkward", CustomFields.empty().with("note", FieldValue.text(AWKWARD)));
    Lead capital = lead("Capital", CustomFields.empty().with("note", FieldValue.text("Gold Ünit")));
    Lead tags = lead("Tags", CustomFields.empty().with("tags", FieldValue.choices(List.of("c", "a"))));
    lead("None", CustomFields.empty());

    assertThat(ids(LeadQuery.all().withField("tier", FieldValue.choice("gold")))).containsExactlyInAnyOrder(gold.id(), gold2.id());
    assertThat(crm.leads().count(LeadQuery.all().withField("tier", FieldValue.choice("gold")))).isEqualTo(2);
    assertThat(ids(LeadQuery.all().withField("tier", FieldValue.choice("gold")).withField("seats", FieldValue.number(25))))
        .containsExactly(gold.id());
    assertThat(ids(LeadQuery.all().withField("seats", FieldValue.number(new BigDecimal("25.000"))))).hasSize(2);
    assertThat(ids(LeadQuery.all().withField("note", FieldValue.text(AWKWARD)))).containsExactly(awkward.id());
    assertThat(ids(LeadQuery.all().withField("note", FieldValue.text("\"tier\":{\"type\":\"CHOICE\",\"value\":\"gold\"}"))))
        .containsExactly(mimic.id());
    assertThat(ids(LeadQuery.all().withField("tags", FieldValue.choices(Set.of("a", "c"))))).containsExactly(tags.id());
    // a text is compared as written: case and accents count, on every database
    assertThat(ids(LeadQuery.all().withField("note", FieldValue.text("Gold Ünit")))).containsExactly(capital.id());
    assertThat(crm.leads().count(LeadQuery.all().withField("note", FieldValue.text("gold ünit")))).isZero();
    assertThat(crm.leads().count(LeadQuery.all().withField("note", FieldValue.text("Gold Unit")))).isZero();
    assertThat(crm.leads().count(LeadQuery.all().withField("tags", FieldValue.choices(Set.of("a"))))).isZero();
    assertThat(crm.leads().count(LeadQuery.all().withField("tier", FieldValue.text("gold")))).isZero();
  }

  @Test
  public void opportunitiesAndCasesAreFoundAndCountedByAValueAndTheBoardSumsThem() {
    crm.customFields().define(CustomField.choice(RecordKind.OPPORTUNITY, "region", "Region", false, List.of("emea", "apac")));
    crm.customFields().define(CustomField.of(RecordKind.CASE, "urgent", "Urgent", FieldType.BOOLEAN));
    Account account = crm.accounts().create(NewAccount.builder("Queried Ltd").build());
    Opportunity emea = crm.opportunities().open(account.id(), NewOpportunity.builder("EMEA deal", Money.of("100.00", "EUR"))
        .fields(CustomFields.empty().with("region", FieldValue.choice("emea"))).build());
    crm.opportunities().open(account.id(), NewOpportunity.builder("APAC deal", Money.of("300.00", "EUR"))
        .fields(CustomFields.empty().with("region", FieldValue.choice("apac"))).build());
    crm.opportunities().open(account.id(), NewOpportunity.builder("No region", Money.of("500.00", "EUR")).build());
    dev.rapport.crm.opportunity.OpportunityQuery q = dev.rapport.crm.opportunity.OpportunityQuery.all()
        .withField("region", FieldValue.choice("emea"));
    assertThat(crm.opportunities().query(q, PageRequest.first(10)).items()).extracting(Opportunity::id).containsExactly(emea.id());
    assertThat(crm.opportunities().count(q)).isEqualTo(1);
    assertThat(crm.analytics().board(q).count()).isEqualTo(1);

    ServiceCase urgent = crm.cases().open(NewCase.builder(account.id(), "Down").fields(CustomFields.empty()
        .with("urgent", FieldValue.bool(true))).build());
    crm.cases().open(NewCase.builder(account.id(), "Question").fields(CustomFields.empty()
        .with("urgent", FieldValue.bool(false))).build());
    dev.rapport.crm.service.CaseQuery c = dev.rapport.crm.service.CaseQuery.allOpen().withField("urgent", FieldValue.bool(true));
    assertThat(crm.cases().query(c, PageRequest.first(10)).items()).extracting(ServiceCase::id).containsExactly(urgent.id());
    assertThat(crm.cases().count(c)).isEqualTo(1);
  }

  private Lead lead(String name, CustomFields fields) {
    return crm.leads().capture(NewLead.builder(PersonName.of(name), LeadSource.REFERRAL).fields(fields).build());
  }

  private List<dev.rapport.crm.common.LeadId> ids(LeadQuery q) {
    return crm.leads().query(q, PageRequest.first(50)).items().stream().map(Lead::id).toList();
  }

  @Test
  public void valuesThatBreakTheRulesAreRefusedNamingTheFieldAndChangeNothing() {
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "note", "Note", FieldType.TEXT).withMaxLength(10));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "seats", "Seats", FieldType.NUMBER)
        .withRange(BigDecimal.ONE, new BigDecimal("100")));
    crm.customFields().define(CustomField.choice(RecordKind.LEAD, "tier", "Tier", false, List.of("gold", "silver")));
    crm.customFields().define(CustomField.of(RecordKind.ACCOUNT, "number", "Customer number", FieldType.TEXT)
        .withRequired(true));
    Lead lead = lead("Kept", CustomFields.empty().with("seats", FieldValue.number(5)));
    StoreSnapshot before = snapshot();
    List<CustomField> definitions = crm.customFields().fields(RecordKind.LEAD);

    Map<String, CustomFields> bad = Map.of(
        "fields.unknown", CustomFields.empty().with("unknown", FieldValue.text("x")),
        "fields.note", CustomFields.empty().with("note", FieldValue.text("eleven chars")),
        "fields.seats", CustomFields.empty().with("seats", FieldValue.number(101)),
        "fields.tier", CustomFields.empty().with("tier", FieldValue.choice("bronze")));
    bad.forEach((field, values) -> {
      assertThatThrownBy(() -> crm.leads().setFields(lead.id(), values)).as(field)
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
      assertThatThrownBy(() -> lead("New", values)).as(field)
          .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    });
    assertThatThrownBy(() -> crm.leads().setFields(lead.id(), CustomFields.empty().with("seats", FieldValue.text("5"))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).contains("NUMBER"));
    // a required account field: an account without it is refused, in a batch too
    assertThatThrownBy(() -> crm.accounts().create(NewAccount.builder("No number").build()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fields.number"));
    assertThatThrownBy(() -> crm.accounts().createAll(List.of(
        NewAccount.builder("With").fields(CustomFields.empty().with("number", FieldValue.text("K-1"))).build(),
        NewAccount.builder("Without").build())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).contains("fields.number"));
    assertThatThrownBy(() -> crm.leads().setFields(dev.rapport.crm.common.LeadId.of(java.util.UUID.randomUUID()),
        CustomFields.empty())).isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);
    assertThat(crm.customFields().fields(RecordKind.LEAD)).isEqualTo(definitions);
  }

  @Test
  public void aChangeThatStoredValuesBreakIsRefusedNamingTheRecordsAndAWideningGoesThrough() {
    CustomField note = crm.customFields().define(CustomField.of(RecordKind.CONTACT, "note", "Note", FieldType.TEXT)
        .withMaxLength(100));
    Contact longer = crm.contacts().create(NewContact.builder(PersonName.of("Long"))
        .fields(CustomFields.empty().with("note", FieldValue.text("y".repeat(80)))).build());
    Contact shorter = crm.contacts().create(NewContact.builder(PersonName.of("Short"))
        .fields(CustomFields.empty().with("note", FieldValue.text("y".repeat(20)))).build());
    Contact none = crm.contacts().create(NewContact.builder(PersonName.of("None")).build());
    StoreSnapshot before = snapshot();

    assertThatThrownBy(() -> crm.customFields().change(note.withMaxLength(50)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("fields.note");
          assertThat(e.rule()).contains("1 stored value does not fit").contains(longer.id().toString())
              .doesNotContain(shorter.id().toString());
        });
    assertThatThrownBy(() -> crm.customFields().change(note.withType(FieldType.NUMBER, List.of())))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).contains("2 stored values do not fit"));
    assertThatThrownBy(() -> crm.customFields().change(note.withRequired(true)))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).contains(none.id().toString()));
    assertThat(crm.customFields().find(RecordKind.CONTACT, "note")).contains(note);
    assertThat(snapshot()).isEqualTo(before);

    CustomField wider = crm.customFields().change(note.withMaxLength(1000).withLabel("Notes"));
    assertThat(crm.customFields().find(RecordKind.CONTACT, "note")).contains(wider);
    assertThat(events).hasAtLeastOneElementOfType(CustomFieldChanged.class);
    crm.contacts().setFields(none.id(), CustomFields.empty().with("note", FieldValue.text("now one")));
    CustomField required = crm.customFields().change(wider.withRequired(true));
    assertThat(required.required()).isTrue();
    assertThatThrownBy(() -> crm.contacts().create(NewContact.builder(PersonName.of("Later")).build()))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crm.customFields().change(CustomField.of(RecordKind.CONTACT, "nothing", "N", FieldType.TEXT)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  public void aRenamedFieldKeepsItsValuesUnderTheNewKeyOnEveryRecordAlsoAConvertedLead() {
    CustomField tier = crm.customFields().define(CustomField.choice(RecordKind.LEAD, "tier", "Tier", false,
        List.of("gold", "silver")).withPredictive(true));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "taken", "Taken", FieldType.TEXT));
    Lead gold = lead("Gold", CustomFields.empty().with("tier", FieldValue.choice("gold"))
        .with("taken", FieldValue.text("x")));
    Lead converted = crm.leads().changeStatus(lead("Converted", CustomFields.empty()
        .with("tier", FieldValue.choice("silver"))).id(), LeadStatus.QUALIFIED);
    converted = crm.leads().convert(converted.id(), Conversion.standard()).lead();
    Lead none = lead("None", CustomFields.empty());
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.customFields().rename(RecordKind.LEAD, "tier", "taken")).isInstanceOf(DuplicateException.class);
    assertThatThrownBy(() -> crm.customFields().rename(RecordKind.LEAD, "tier", "Not a key")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> crm.customFields().rename(RecordKind.LEAD, "nothing", "else")).isInstanceOf(NotFoundException.class);
    assertThat(snapshot()).isEqualTo(before);

    CustomField level = crm.customFields().rename(RecordKind.LEAD, "tier", "level");
    assertThat(level).isEqualTo(new CustomField(RecordKind.LEAD, "level", "Tier", FieldType.CHOICE, false,
        List.of("gold", "silver"), 0, java.util.Optional.empty(), java.util.Optional.empty(), false, true));
    assertThat(crm.customFields().fields(RecordKind.LEAD)).extracting(CustomField::key).containsExactly("level", "taken");
    Lead goldAfter = crm.leads().get(gold.id());
    assertThat(goldAfter.fields()).isEqualTo(CustomFields.empty().with("level", FieldValue.choice("gold"))
        .with("taken", FieldValue.text("x")));
    assertThat(goldAfter.updatedAt()).isEqualTo(gold.updatedAt());
    assertThat(crm.leads().get(converted.id()).fields()).isEqualTo(CustomFields.empty().with("level", FieldValue.choice("silver")));
    assertThat(crm.leads().get(none.id())).isEqualTo(none);
    assertThat(crm.leads().count(LeadQuery.all().withField("level", FieldValue.choice("gold")))).isEqualTo(1);
    assertThat(crm.leads().count(LeadQuery.all().withField("tier", FieldValue.choice("gold")))).isZero();
    assertThat(events).filteredOn(dev.rapport.crm.field.CustomFieldRenamed.class::isInstance)
        .extracting(e -> ((dev.rapport.crm.field.CustomFieldRenamed) e).records()).containsExactly(2);
    // the old key is free again
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "tier", "Another", FieldType.NUMBER));
  }

  @Test
  public void aRemovedFieldKeepsItsValuesReadableAndTakesNoNewOnes() {
    CustomField tier = crm.customFields().define(CustomField.choice(RecordKind.ACCOUNT, "tier", "Tier", false,
        List.of("gold", "silver")).withRequired(false));
    Account gold = crm.accounts().create(NewAccount.builder("Gold Ltd")
        .fields(CustomFields.empty().with("tier", FieldValue.choice("gold"))).build());
    CustomField removed = crm.customFields().remove(RecordKind.ACCOUNT, "tier");
    assertThat(removed.removed()).isTrue();
    assertThat(events).hasAtLeastOneElementOfType(CustomFieldRemoved.class);
    assertThat(crm.customFields().fields(RecordKind.ACCOUNT)).containsExactly(removed);
    assertThat(crm.accounts().get(gold.id()).fields().get("tier")).contains(FieldValue.choice("gold"));
    // kept as it is when the account is written, refused as a new value
    assertThat(crm.accounts().rename(gold.id(), "Gold Group").fields().get("tier")).contains(FieldValue.choice("gold"));
    assertThatThrownBy(() -> crm.accounts().setFields(gold.id(), CustomFields.empty().with("tier", FieldValue.choice("silver"))))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.rule()).contains("removed"));
    assertThatThrownBy(() -> crm.customFields().change(tier.withLabel("Level"))).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> crm.customFields().define(tier)).isInstanceOf(DuplicateException.class);
    assertThatThrownBy(() -> crm.customFields().remove(RecordKind.LEAD, "tier")).isInstanceOf(NotFoundException.class);
  }

  @Test
  public void conversionCarriesALeadsValuesToFieldsOfTheSameKeyAndType() {
    crm.customFields().define(CustomField.choice(RecordKind.LEAD, "tier", "Tier", false, List.of("gold", "silver")));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "budget", "Budget", FieldType.MONEY));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "vip", "VIP", FieldType.BOOLEAN));
    crm.customFields().define(CustomField.choice(RecordKind.ACCOUNT, "tier", "Tier", false, List.of("gold", "silver")));
    crm.customFields().define(CustomField.of(RecordKind.OPPORTUNITY, "budget", "Budget", FieldType.MONEY));
    crm.customFields().define(CustomField.of(RecordKind.CONTACT, "vip", "VIP", FieldType.TEXT)); // another type: not carried
    CustomFields values = CustomFields.empty().with("tier", FieldValue.choice("gold"))
        .with("budget", FieldValue.money(Money.of("5000.00", "EUR"))).with("vip", FieldValue.bool(true));
    Lead lead = crm.leads().changeStatus(lead("Carried", values).id(), LeadStatus.QUALIFIED);
    ConversionResult r = crm.leads().convert(lead.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Deal", Money.of("5000.00", "EUR")).build()));
    assertThat(crm.accounts().get(r.account().id()).fields()).isEqualTo(CustomFields.empty().with("tier", FieldValue.choice("gold")));
    assertThat(crm.opportunities().get(r.opportunity().orElseThrow().id()).fields())
        .isEqualTo(CustomFields.empty().with("budget", FieldValue.money(Money.of("5000.00", "EUR"))));
    assertThat(crm.contacts().get(r.contact().id()).fields()).isEqualTo(CustomFields.empty());
    assertThat(crm.leads().get(lead.id()).fields()).isEqualTo(values);

    // a required account field the lead cannot fill refuses the conversion, and nothing changes
    crm.customFields().define(CustomField.of(RecordKind.ACCOUNT, "number", "Customer number", FieldType.TEXT));
    Lead other = crm.leads().changeStatus(lead("Other", CustomFields.empty()).id(), LeadStatus.QUALIFIED);
    CustomField number = crm.customFields().find(RecordKind.ACCOUNT, "number").orElseThrow();
    crm.accounts().setFields(r.account().id(), CustomFields.empty().with("tier", FieldValue.choice("gold"))
        .with("number", FieldValue.text("K-1")));
    crm.customFields().change(number.withRequired(true));
    StoreSnapshot before = snapshot();
    assertThatThrownBy(() -> crm.leads().convert(other.id(), Conversion.standard()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fields.number"));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  public void aMergeKeepsTheSurvivorsValuesAndFillsItsGaps() {
    crm.customFields().define(CustomField.choice(RecordKind.LEAD, "tier", "Tier", false, List.of("gold", "silver")));
    crm.customFields().define(CustomField.of(RecordKind.LEAD, "seats", "Seats", FieldType.NUMBER));
    Lead survivor = lead("Survivor", CustomFields.empty().with("tier", FieldValue.choice("gold")));
    Lead duplicate = lead("Duplicate", CustomFields.empty().with("tier", FieldValue.choice("silver"))
        .with("seats", FieldValue.number(12)));
    crm.leads().merge(LeadMergePlan.of(survivor.id(), List.of(duplicate.id())));
    assertThat(crm.leads().get(survivor.id()).fields()).isEqualTo(CustomFields.empty()
        .with("tier", FieldValue.choice("gold")).with("seats", FieldValue.number(12)));
  }
}
