package dev.rapport.crm.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.LeadSource;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.lead.LeadQuery;
import dev.rapport.crm.lead.NewLead;
import dev.rapport.crm.memory.MemoryPersistence;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadImportTest {
  private final MemoryPersistence store = MemoryPersistence.create();
  private final Crm crm = Crm.builder().persistence(store).tenant("acme").build();

  private static Supplier<Reader> text(String s) {
    return () -> new StringReader(s);
  }

  /** Every lead of the tenant as CSV: what "the store is exactly as before" compares. */
  private String everything(Crm c) {
    StringWriter out = new StringWriter();
    LeadExport.csv(c, LeadQuery.all(), out);
    return out.toString();
  }

  @Test
  void storesTheGoodRowsAndReportsEachBadOneWithRowFieldRuleAndValue() {
    String csv = """
        givenName,familyName,email,source,company
        Ada,Lovelace,ada@analytical.example,webinar,Analytical Engines
        Grace,,grace@cobol.example,referral,
        Alan,Turing,not-an-address,referral,
        "Hopper, Grace",Hopper,"grace@navy.example",trade_show,"Navy, US"
        """;
    ImportReport report = LeadImport.into(crm).csv(text(csv));

    assertThat(report.read()).isEqualTo(4);
    assertThat(report.stored()).isEqualTo(2);
    assertThat(report.rejected()).isEqualTo(2);
    assertThat(report.errors()).extracting(RowError::row, RowError::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "familyName"),
            org.assertj.core.groups.Tuple.tuple(3L, "email"));
    assertThat(report.errors().get(1).value()).isEqualTo("not-an-address");
    assertThat(report.errors().get(1).rule()).isNotBlank();
    assertThat(crm.leads().findByEmail("grace@navy.example")).singleElement()
        .satisfies(l -> assertThat(l.company()).hasValue("Navy, US"));
    assertThat(crm.leads().count(LeadQuery.all())).isEqualTo(2);
    assertAddsUp(report);
  }

  @Test
  void validateFirstStoresNothingWhenARowIsBad() {
    crm.leads().capture(NewLead.builder(PersonName.of("Before"), LeadSource.WEBINAR).build());
    String before = everything(crm);
    String csv = "familyName,source\nLovelace,webinar\nTuring,\n";

    ImportReport report = LeadImport.into(crm).mode(ImportMode.VALIDATE_FIRST).csv(text(csv));

    assertThat(report.stored()).isZero();
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.row()).isEqualTo(2);
      assertThat(e.field()).isEqualTo("source");
    });
    assertThat(report.discarded()).isEqualTo(1);
    assertAddsUp(report);
    assertThat(everything(crm)).isEqualTo(before);
  }

  @Test
  void validateFirstStoresEveryRowOfAGoodFileAndKnowsTheTotal() {
    StringBuilder csv = new StringBuilder("familyName,source\n");
    for (int i = 0; i < 25; i++) {
      csv.append("Person ").append(i).append(",webinar\n");
    }
    List<ImportProgress> seen = new ArrayList<>();
    ImportReport report = LeadImport.into(crm).mode(ImportMode.VALIDATE_FIRST).batchSize(10)
        .onProgress(seen::add).csv(text(csv.toString()));

    assertThat(report.clean()).isTrue();
    assertThat(report.stored()).isEqualTo(25);
    assertThat(seen).extracting(ImportProgress::stored).containsExactly(0L, 10L, 20L, 25L);
    assertThat(seen).allSatisfy(p -> assertThat(p.total()).hasValue(25L));
    assertThat(seen.get(3).bar(10)).startsWith("[##########] 100 %");
  }

  @Test
  void anUnknownHeaderIsRefusedBeforeAnythingIsStoredAndAMappedOneIsRead() {
    String csv = "familyName,source,Fax\nLovelace,webinar,123\n";
    assertThatThrownBy(() -> LeadImport.into(crm).csv(text(csv)))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.field()).isEqualTo("header");
          assertThat(e.getMessage()).contains("Fax");
        });
    assertThat(crm.leads().count(LeadQuery.all())).isZero();

    String mapped = "Nachname,Quelle,E-Mail Adresse\nLovelace,webinar,ada@analytical.example\n";
    ImportReport report = LeadImport.into(crm).column("nachname", LeadField.FAMILY_NAME)
        .column("Quelle", LeadField.SOURCE).column("e-mail-adresse", LeadField.EMAIL).csv(text(mapped));
    assertThat(report.stored()).isEqualTo(1);
    assertThat(crm.leads().findByEmail("ada@analytical.example")).hasSize(1);
  }

  @Test
  void twoColumnsForOneFieldAreRefused() {
    assertThatThrownBy(() -> LeadImport.into(crm).csv(text("email,E-Mail,familyName,source\n")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("header"));
  }

  @Test
  void malformedCsvStopsAtItsRowAndLeavesWholeBatchesOnly() {
    String csv = "familyName,source\nLovelace,webinar\nTuring,referral\nHopper,webinar,extra\nNever,webinar\n";
    ImportReport report = LeadImport.into(crm).batchSize(1).csv(text(csv));
    assertThat(report.stoppedAt()).hasValueSatisfying(e -> {
      assertThat(e.row()).isEqualTo(3);
      assertThat(e.field()).isEqualTo("file");
      assertThat(e.rule()).startsWith("cannot be read");
    });
    assertThat(report.stored()).isEqualTo(2);
    assertAddsUp(report);

    Crm other = Crm.builder().persistence(store).tenant("other").build();
    ImportReport inBatches = LeadImport.into(other).batchSize(10).csv(text(csv));
    assertThat(inBatches.stored()).isZero(); // the unfinished batch of two is not stored
    assertThat(inBatches.discarded()).isEqualTo(2);
    assertAddsUp(inBatches);
    assertThat(other.leads().count(LeadQuery.all())).isZero();

    ImportReport validated = LeadImport.into(other).mode(ImportMode.VALIDATE_FIRST).csv(text(csv));
    assertThat(validated.stored()).isZero();
    assertThat(validated.stoppedAt()).isPresent();
    assertThat(other.leads().count(LeadQuery.all())).isZero();
  }

  @Test
  void aByteOrderMarkAndBlankLinesAreSkipped() {
    ImportReport report = LeadImport.into(crm).csv(text("\uFEFFfamilyName,source\n\nLovelace,webinar\n\n\nTuring,referral\n"));
    assertThat(report.clean()).isTrue();
    assertThat(report.stored()).isEqualTo(2);
    assertThat(report.read()).isEqualTo(2);
    ImportReport json = LeadImport.into(crm).jsonLines(text("\uFEFF{\"familyName\":\"Hopper\",\"source\":\"webinar\"}\n\n"));
    assertThat(json.clean()).isTrue();
  }

  @Test
  void aNameTooLongIsReportedUnderItsColumnWithItsValue() {
    ImportReport report = LeadImport.into(crm).csv(text("givenName,familyName,source\nAda," + "L".repeat(300)
        + ",webinar\n" + "G".repeat(150) + ",Hopper,webinar\n"));
    assertThat(report.errors()).extracting(RowError::row, RowError::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "familyName"),
            org.assertj.core.groups.Tuple.tuple(2L, "givenName"));
    assertThat(report.errors().get(0).value()).startsWith("LLLL").hasSize(RowError.MAX_VALUE);
    assertThat(report.errors().get(1).value()).hasSize(150);
    assertAddsUp(report);
  }

  @Test
  void theExportLeavesTheWriterOpen() throws Exception {
    crm.leads().capture(NewLead.builder(PersonName.of("Ada", "Lovelace"), LeadSource.WEBINAR).build());
    java.io.BufferedWriter w = new java.io.BufferedWriter(new StringWriter()) {
      boolean closed;

      @Override
      public void close() throws java.io.IOException {
        closed = true;
        super.close();
      }

      @Override
      public String toString() {
        return String.valueOf(closed);
      }
    };
    LeadExport.csv(crm, LeadQuery.all(), w);
    LeadExport.jsonLines(crm, LeadQuery.all(), w);
    assertThat(w.toString()).isEqualTo("false");
    w.write("still open");
  }

  private static void assertAddsUp(ImportReport r) {
    assertThat(r.read()).isEqualTo(r.stored() + r.skipped() + r.rejected() + r.discarded());
    assertThat(r.skipped()).isZero(); // leads carry no external reference: none is skipped
  }

  @Test
  void bytesThatAreNotUtf8AreReportedNotGuessed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "familyName,source\nMüller,webinar\n".getBytes(StandardCharsets.ISO_8859_1));
    ImportReport report = LeadImport.into(crm).mode(ImportMode.VALIDATE_FIRST).csv(LeadImport.utf8(file));
    assertThat(report.stored()).isZero();
    assertThat(report.stoppedAt()).hasValueSatisfying(e -> {
      assertThat(e.field()).isEqualTo("file");
      assertThat(e.rule()).startsWith("is not UTF-8");
    });

    Files.write(file, "familyName,source\nMüller,webinar\n".getBytes(StandardCharsets.UTF_8));
    assertThat(LeadImport.into(crm).csv(LeadImport.utf8(file)).stored()).isEqualTo(1);
  }

  @Test
  void underARefusingPolicyALikelyDuplicateIsAnErrorOfItsRowAndTheRestAreStored() {
    Crm strict = Crm.builder().persistence(MemoryPersistence.create()).tenant("strict")
        .duplicatePolicy(dev.rapport.crm.dedupe.DuplicatePolicy.refuse()).build();
    String csv = "givenName,familyName,email,source\nAda,Lovelace,ada@analytical.example,webinar\n"
        + "Grace,Hopper,grace@navy.example,webinar\nAda,Lovelace,Ada@Analytical.example,referral\n";

    ImportReport report = LeadImport.into(strict).csv(text(csv));

    assertThat(report.stored()).isEqualTo(2);
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.row()).isEqualTo(3);
      assertThat(e.field()).isEqualTo("duplicate");
      assertThat(e.value()).isEqualTo(strict.leads().findByEmail("ada@analytical.example").get(0).id().toString());
    });
    assertAddsUp(report);
  }

  @Test
  void aTenMegabyteFieldIsARowErrorWithTheValueCut() {
    String huge = "x".repeat(10 * 1024 * 1024);
    ImportReport report = LeadImport.into(crm).csv(text("familyName,source,company\nLovelace,webinar," + huge
        + "\nTuring,referral,Bletchley\n"));
    assertThat(report.stored()).isEqualTo(1);
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.row()).isEqualTo(1);
      assertThat(e.field()).isEqualTo("company");
      assertThat(e.value()).hasSize(RowError.MAX_VALUE).endsWith("…");
    });
  }

  @Test
  void cancellingBetweenBatchesLeavesWholeBatchesOnly() {
    StringBuilder csv = new StringBuilder("familyName,source\n");
    for (int i = 0; i < 35; i++) {
      csv.append("Person ").append(i).append(",webinar\n");
    }
    AtomicInteger asked = new AtomicInteger();
    ImportReport report = LeadImport.into(crm).batchSize(10).cancelWhen(() -> asked.incrementAndGet() > 2)
        .csv(text(csv.toString()));
    assertThat(report.cancelled()).isTrue();
    assertThat(report.stored()).isEqualTo(20);
    assertAddsUp(report);
    assertThat(crm.leads().count(LeadQuery.all())).isEqualTo(20);
  }

  @Test
  void jsonLinesAreReadANonStringValueRefusesItsRowAndAnUnknownKeyStops() {
    String lines = """
        {"familyName":"Lovelace","source":"webinar","email":"ada@analytical.example","phone":null}
        {"familyName":"Turing","source":"referral"}
        {"familyName":"Hopper","source":{"code":"webinar"}}
        {"familyName":"Liskov","source":"webinar"}
        {"familyName":"Never","source":"webinar","fax":"123"}
        {"familyName":"After","source":"webinar"}
        """;
    ImportReport report = LeadImport.into(crm).batchSize(1).jsonLines(text(lines));
    assertThat(report.stored()).isEqualTo(3);
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.row()).isEqualTo(3);
      assertThat(e.field()).isEqualTo("source");
      assertThat(e.rule()).isEqualTo("must be a string or null");
    });
    assertThat(report.stoppedAt()).hasValueSatisfying(e -> {
      assertThat(e.row()).isEqualTo(5);
      assertThat(e.field()).isEqualTo("header");
      assertThat(e.value()).isEqualTo("fax");
    });
    assertAddsUp(report);
    assertThat(crm.leads().count(LeadQuery.all())).isEqualTo(3);
  }

  @Test
  void everyRefusalOfTheConfigurationNamesItsField() {
    LeadImport i = LeadImport.into(crm);
    assertThatThrownBy(() -> LeadImport.into(null)).hasMessageContaining("crm");
    assertThatThrownBy(() -> i.batchSize(0)).hasMessageContaining("batchSize");
    assertThatThrownBy(() -> i.batchSize(10_001)).hasMessageContaining("batchSize");
    assertThatThrownBy(() -> i.column(" ", LeadField.EMAIL)).hasMessageContaining("header");
    assertThatThrownBy(() -> i.column("x", null)).hasMessageContaining("field");
    assertThatThrownBy(() -> i.mode(null)).hasMessageContaining("mode");
    assertThatThrownBy(() -> i.onProgress(null)).hasMessageContaining("onProgress");
    assertThatThrownBy(() -> i.cancelWhen(null)).hasMessageContaining("cancelWhen");
    assertThatThrownBy(() -> i.csv(null)).hasMessageContaining("source");
    assertThatThrownBy(() -> LeadExport.csv(crm, null, new StringWriter())).hasMessageContaining("query");
  }

  @Test
  void whatTheExportWritesTheImportReadsBackToTheSameLeads() {
    Crm source = Crm.builder().persistence(store).tenant("source").build();
    for (int i = 0; i < 2_500; i++) {
      NewLead.Builder b = NewLead.builder(i % 7 == 0 ? PersonName.of("Mono" + i) : PersonName.of("Given, " + i,
          "Family \"" + i + "\""), i % 2 == 0 ? LeadSource.WEBINAR : LeadSource.REFERRAL);
      if (i % 3 != 0) {
        b.email("person" + i + "@example.com");
      }
      if (i % 5 == 0) {
        b.phone("+4930123456" + (i % 100));
      }
      if (i % 4 == 0) {
        b.company("Line\nbreak " + i).title("Chief, " + i);
      }
      if (i % 6 == 0) {
        b.owner("owner-" + (i % 3));
      }
      if (i % 4 == 1) {
        b.industry(i % 8 == 1 ? "Food & Beverage" : "maritime_insurance_" + (i % 5));
      }
      source.leads().capture(b.build());
    }
    StringWriter csv = new StringWriter();
    assertThat(LeadExport.csv(source, LeadQuery.all(), csv)).isEqualTo(2_500);
    StringWriter json = new StringWriter();
    assertThat(LeadExport.jsonLines(source, LeadQuery.all(), json)).isEqualTo(2_500);

    Crm fromCsv = Crm.builder().persistence(store).tenant("from-csv").build();
    assertThat(LeadImport.into(fromCsv).csv(text(csv.toString())).clean()).isTrue();
    Crm fromJson = Crm.builder().persistence(store).tenant("from-json").build();
    assertThat(LeadImport.into(fromJson).jsonLines(text(json.toString())).clean()).isTrue();

    assertThat(csv.toString()).contains(",food_and_beverage").contains(",maritime_insurance_");
    // ids are new, so compare every field of every lead, in capture order
    assertThat(everything(fromCsv)).isEqualTo(csv.toString());
    assertThat(everything(fromJson)).isEqualTo(csv.toString());
  }

  private static void defineFields(Crm c) {
    c.customFields().define(dev.rapport.crm.field.CustomField.choice(dev.rapport.crm.field.RecordKind.LEAD, "tier",
        "Tier", false, List.of("gold", "silver")));
    c.customFields().define(dev.rapport.crm.field.CustomField.of(dev.rapport.crm.field.RecordKind.LEAD, "seats",
        "Seats", dev.rapport.crm.field.FieldType.NUMBER).withRange(java.math.BigDecimal.ONE, new java.math.BigDecimal("1000")));
    c.customFields().define(dev.rapport.crm.field.CustomField.of(dev.rapport.crm.field.RecordKind.LEAD, "note",
        "Note", dev.rapport.crm.field.FieldType.TEXT));
    c.customFields().define(dev.rapport.crm.field.CustomField.choice(dev.rapport.crm.field.RecordKind.LEAD, "tags",
        "Tags", true, List.of("a", "b", "c")));
  }

  @Test
  void customValuesGoOutInAColumnEachAndComeBackTheSame() {
    Crm source = Crm.builder().persistence(store).tenant("fields-source").build();
    defineFields(source);
    for (int i = 0; i < 30; i++) {
      dev.rapport.crm.field.CustomFields f = dev.rapport.crm.field.CustomFields.empty();
      if (i % 2 == 0) {
        f = f.with("tier", dev.rapport.crm.field.FieldValue.choice(i % 4 == 0 ? "gold" : "silver"));
      }
      if (i % 3 == 0) {
        f = f.with("seats", dev.rapport.crm.field.FieldValue.number(new java.math.BigDecimal("2.5").add(java.math.BigDecimal.valueOf(i))));
      }
      if (i % 5 == 0) {
        f = f.with("note", dev.rapport.crm.field.FieldValue.text("50% \"off\", line\nbreak " + i));
      }
      if (i % 7 == 0) {
        f = f.with("tags", dev.rapport.crm.field.FieldValue.choices(List.of("c", "a")));
      }
      source.leads().capture(NewLead.builder(PersonName.of("Field " + i), LeadSource.WEBINAR).fields(f).build());
    }
    StringWriter csv = new StringWriter();
    LeadExport.csv(source, LeadQuery.all(), csv);
    assertThat(csv.toString().lines().findFirst().orElseThrow()).endsWith(",field.note,field.seats,field.tags,field.tier");
    StringWriter json = new StringWriter();
    LeadExport.jsonLines(source, LeadQuery.all(), json);

    Crm fromCsv = Crm.builder().persistence(store).tenant("fields-csv").build();
    defineFields(fromCsv);
    assertThat(LeadImport.into(fromCsv).csv(text(csv.toString())).clean()).isTrue();
    Crm fromJson = Crm.builder().persistence(store).tenant("fields-json").build();
    defineFields(fromJson);
    assertThat(LeadImport.into(fromJson).jsonLines(text(json.toString())).clean()).isTrue();
    for (Crm c : List.of(fromCsv, fromJson)) {
      assertThat(c.leads().query(LeadQuery.all(), dev.rapport.crm.common.PageRequest.first(100)).items())
          .extracting(l -> l.name().fullName() + " " + l.fields())
          .containsExactlyElementsOf(source.leads().query(LeadQuery.all(), dev.rapport.crm.common.PageRequest.first(100))
              .items().stream().map(l -> l.name().fullName() + " " + l.fields()).toList());
    }
  }

  @Test
  void aCustomValueThatBreaksItsFieldIsARowErrorAndAnUnknownOneRefusesTheFile() {
    defineFields(crm);
    String before = everything(crm);
    ImportReport report = LeadImport.into(crm).csv(text("""
        familyName,source,field.seats,field.tags,field.tier
        Good,webinar,12.50,"b, a",gold
        Many,webinar,many,,
        Huge,webinar,5000,,
        Bronze,webinar,,,bronze
        """));
    assertThat(report.stored()).isEqualTo(1);
    assertThat(report.errors()).extracting(e -> e.row() + " " + e.field())
        .containsExactly("2 field.seats", "3 field.seats", "4 field.tier");
    assertThat(crm.leads().count(LeadQuery.all().withField("seats", dev.rapport.crm.field.FieldValue.number(
        new java.math.BigDecimal("12.5"))))).isEqualTo(1);
    assertThat(crm.leads().count(LeadQuery.all().withField("tags", dev.rapport.crm.field.FieldValue.choices(
        List.of("a", "b"))))).isEqualTo(1);
    String after = everything(crm);
    assertThatThrownBy(() -> LeadImport.into(crm).csv(text("familyName,source,field.nothing\nX,webinar,1\n")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("header"));
    assertThat(everything(crm)).isEqualTo(after).isNotEqualTo(before);
  }
}
