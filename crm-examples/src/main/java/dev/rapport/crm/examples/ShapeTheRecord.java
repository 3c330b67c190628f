package dev.rapport.crm.examples;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.Money;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.Account;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.field.CustomField;
import dev.rapport.crm.field.CustomFields;
import dev.rapport.crm.field.FieldType;
import dev.rapport.crm.field.FieldValue;
import dev.rapport.crm.field.RecordKind;
import dev.rapport.crm.lead.Conversion;
import dev.rapport.crm.lead.ConversionResult;
import dev.rapport.crm.lead.Lead;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.LeadStatus;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import dev.rapport.crm.opportunity.NewOpportunity;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A software reseller shapes the CRM to its business without a fork: its leads say how many seats
 * they want and which edition, its accounts when their licence renews. Leads are counted by
 * edition, a lead becomes a customer and takes its seats and edition along, a wrong value is
 * refused naming the field, and a change of a field that stored values would break is refused
 * naming the record.
 *
 * <pre>{@code ./mvnw -q -pl crm-examples -am -DskipTests package exec:java -Dexec.mainClass=dev.rapport.crm.examples.ShapeTheRecord}</pre>
 */
public final class ShapeTheRecord {
  private ShapeTheRecord() {}

  /** Runs the story, printing what happens. */
  static void run(PrintStream out) {
    Crm crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("reseller").build();
    // the same key and type on the lead and on the account: conversion carries the value over
    for (RecordKind kind : List.of(RecordKind.LEAD, RecordKind.ACCOUNT)) {
      crm.customFields().define(CustomField.of(kind, "seats", "Seats", FieldType.NUMBER)
          .withRange(BigDecimal.ONE, new BigDecimal("5000")));
      crm.customFields().define(CustomField.choice(kind, "edition", "Edition", false, List.of("standard", "enterprise")));
    }
    crm.customFields().define(CustomField.of(RecordKind.ACCOUNT, "renewal", "Licence renewal", FieldType.DATE));

    Lead big = lead(crm, "Ada", "Lovelace", 250, "enterprise");
    lead(crm, "Grace", "Hopper", 40, "standard");
    lead(crm, "Alan", "Turing", 900, "enterprise");
    out.println("enterprise leads: " + crm.leads().count(LeadQuery.all().withField("edition", FieldValue.choice("enterprise"))));

    try {
      crm.leads().setFields(big.id(), big.fields().with("seats", FieldValue.number(12_000)));
    } catch (ValidationException e) {
      out.println("refused: " + e.field() + " " + e.rule());
    }

    crm.leads().changeStatus(big.id(), LeadStatus.QUALIFIED);
    ConversionResult r = crm.leads().convert(big.id(), Conversion.standard()
        .withOpportunity(NewOpportunity.builder("Ledger suite", Money.of("45000.00", "EUR")).build()));
    Account customer = crm.accounts().setFields(r.account().id(),
        r.account().fields().with("renewal", FieldValue.date(LocalDate.of(2027, 6, 30))));
    out.println("account " + customer.name() + ": seats " + customer.fields().get("seats").orElseThrow().asNumber()
        + ", edition " + customer.fields().get("edition").orElseThrow().asText()
        + ", renews " + customer.fields().get("renewal").orElseThrow().asDate());

    // fewer seats allowed per lead from now on? not while a stored lead has more
    CustomField seats = crm.customFields().find(RecordKind.LEAD, "seats").orElseThrow();
    try {
      crm.customFields().change(seats.withRange(BigDecimal.ONE, new BigDecimal("500")));
    } catch (ValidationException e) {
      out.println("refused: " + e.field() + " " + e.rule().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>"));
    }
    crm.customFields().change(seats.withLabel("Licensed seats"));
    out.println("lead field seats is now labelled " + crm.customFields().find(RecordKind.LEAD, "seats").orElseThrow().label());
  }

  private static Lead lead(Crm crm, String given, String family, int seats, String edition) {
    return crm.leads().capture(NewLead.builder(PersonName.of(given, family), LeadSource.WEBINAR)
        .company(family + " Ltd").fields(CustomFields.empty()
            .with("seats", FieldValue.number(seats)).with("edition", FieldValue.choice(edition))).build());
  }

  /** Runs the example on standard output. */
  public static void main(String[] args) {
    run(System.out);
  }
}
