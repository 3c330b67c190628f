package dev.rapport.crm.bench;

import dev.rapport.crm.Crm;
import dev.rapport.crm.common.PersonName;
import dev.rapport.crm.contact.NewAccount;
import dev.rapport.crm.contact.NewContact;
import dev.rapport.crm.mail.MailIngest;
import dev.rapport.crm.mail.MailSettings;
import dev.rapport.crm.mailfile.MailParser;
import dev.rapport.crm.mailfile.ParsedMail;
import dev.rapport.crm.memory.MemoryPersistence;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 23's ingest: a message read by {@code crm-mail}'s parser and logged by {@code crm.mail()}
 * into a memory store of {@code contacts} contacts (each at an account), against the parser alone on
 * the same bytes in the same run: the library's own cost (look-ups, threading, the activity, its
 * timeline entries, the stored message, events) beside the parse. Each message is new (its own
 * {@code Message-ID}), from a stored contact to the tenant, copied to another, a reply to an
 * earlier one every other time. Throughput, single-threaded.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MailBenchmarks {

  /** Runs these benchmarks with JMH's command-line options. */
  public static void main(String[] args) throws Exception {
    BenchmarkRunner.exposeClassPath();
    String[] all = new String[args.length + 1];
    all[0] = MailBenchmarks.class.getName();
    System.arraycopy(args, 0, all, 1, args.length);
    org.openjdk.jmh.Main.main(all);
  }

  /** The stored contacts, the parser and the numbering of the messages. */
  @State(Scope.Benchmark)
  public static class World {
    @Param("100000")
    public int contacts;

    Crm crm;
    final MailParser parser = MailParser.create();
    long next;

    @Setup(Level.Trial)
    public void store() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("bench-mail")
          .mail(MailSettings.builder().ownDomain("acme.example").build()).build();
      seed(crm, contacts);
    }

    static String address(long i) {
      return MailBenchmarks.address(i);
    }

    /** The next message's bytes: a new id, from one contact, copied to another. */
    byte[] nextMessage() {
      return message(next++, contacts);
    }
  }

  static String address(long i) {
    return "person" + i + "@customer" + (i % 997) + ".example";
  }

  /** {@code contacts} contacts at their addresses, 1,000 to an account. */
  static void seed(Crm crm, int contacts) {
    for (int from = 0; from < contacts; from += 1_000) {
      var account = crm.accounts().create(NewAccount.builder("Customer " + from).build());
      List<NewContact> batch = new ArrayList<>();
      for (int i = from; i < Math.min(contacts, from + 1_000); i++) {
        batch.add(NewContact.builder(PersonName.of(Fixture.given(i), Fixture.family(i))).account(account.id())
            .email(address(i)).build());
      }
      crm.contacts().createAll(batch);
    }
  }

  /** Message {@code n}: a new id, from one of {@code contacts} contacts, copied to another; every other one a reply. */
  static byte[] message(long n, int contacts) {
    long from = (n * 7_919) % contacts;
    long cc = (n * 104_729 + 1) % contacts;
    String reply = n % 2 == 1 ? "In-Reply-To: <m" + (n - 1) + "@bench.example>\r\n" : "";
    String text = "Message-ID: <m" + n + "@bench.example>\r\n" + reply
        + "Date: Mon, 3 Mar 2025 09:00:00 +0000\r\n"
        + "From: \"" + Fixture.given((int) from) + " " + Fixture.family((int) from) + "\" <" + address(from) + ">\r\n"
        + "To: Sales <sales@acme.example>\r\nCc: " + address(cc) + "\r\n"
        + "Subject: " + (reply.isEmpty() ? "" : "Re: ") + "Order " + (n / 2) + "\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        + "Hello,\r\nplease find our order " + n + " below.\r\n" + "Line of the order\r\n".repeat(20);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A database with {@code dbContacts} contacts, each at an account, stored through Rapport. */
  @State(Scope.Benchmark)
  public static class Db {
    @Param({"h2", "postgresql"})
    public String db;

    @Param("10000")
    public int dbContacts;

    Database database;
    final MailParser parser = MailParser.create();
    long next;

    @Setup(Level.Trial)
    public void start() {
      database = Database.start(db);
      JpaFixture.seed(database, "bench-mail", java.time.Clock.systemUTC(), crm -> seed(crm, dbContacts));
      if (db.equals("postgresql")) { // as a host does after a bulk load (crm-persistence-jpa's README)
        try (java.sql.Connection c = database.dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
          st.execute("analyze");
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void stop() throws java.io.IOException {
      database.close();
    }
  }

  /** Rapport on the JPA adapter of one provider. */
  @State(Scope.Benchmark)
  public static class Rapport {
    @Param({"hibernate", "eclipselink"})
    public String provider;

    JpaFixture jpa;

    @Setup(Level.Trial)
    public void start(Db db) {
      jpa = JpaFixture.open(db.database, provider, "bench-mail");
    }

    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void stop() {
      jpa.close();
    }
  }

  /** Messages per unit of work in {@link #parseAndIngestBatchJpa}, as {@code MailboxImport} logs an mbox. */
  static final int BATCH = 10;

  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(BATCH)
  public List<MailIngest> parseAndIngestBatchJpa(Db db, Rapport r) {
    List<dev.rapport.crm.mail.MailMessage> batch = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      batch.add(db.parser.parse(1, message(db.next++, db.dbContacts)).message().orElseThrow());
    }
    return r.jpa.crm.mail().ingestAll(batch);
  }

  @Benchmark
  public MailIngest parseAndIngestJpa(Db db, Rapport r) {
    return r.jpa.crm.mail().ingest(db.parser.parse(1, message(db.next++, db.dbContacts)).message().orElseThrow());
  }

  @Benchmark
  public ParsedMail parseOnly(World w) {
    return w.parser.parse(1, w.nextMessage());
  }

  @Benchmark
  public MailIngest parseAndIngestMemory(World w) {
    return w.crm.mail().ingest(w.parser.parse(1, w.nextMessage()).message().orElseThrow());
  }

  /** Members per campaign in {@link #sendCampaignMemory}. */
  static final int CAMPAIGN = 100;

  /** Contacts who agreed to marketing, and campaigns of {@value #CAMPAIGN} of them, sent through a transport that keeps nothing. */
  @State(Scope.Benchmark)
  public static class Campaigns {
    @Param("10000")
    public int consenting;

    Crm crm;
    List<dev.rapport.crm.common.ContactId> ids = new ArrayList<>();
    int nextMember;
    long nextMessage;

    @Setup(Level.Trial)
    public void store() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("bench-campaign")
          .mail(MailSettings.builder().ownDomain("acme.example")
              .unsubscribe("https://crm.acme.example/unsubscribe?token=", "bench-key-bench-key-bench-key-bench-key").build())
          .mailTransport(m -> { }).build();
      java.time.Instant at = java.time.Instant.parse("2025-01-01T00:00:00Z");
      for (int from = 0; from < consenting; from += 1_000) {
        List<NewContact> batch = new ArrayList<>();
        for (int i = from; i < Math.min(consenting, from + 1_000); i++) {
          batch.add(NewContact.builder(PersonName.of(Fixture.given(i), Fixture.family(i))).email(address(i))
              .consent(new dev.rapport.crm.contact.MarketingConsent(true, at, "form")).build());
        }
        crm.contacts().createAll(batch).forEach(c -> ids.add(c.id()));
      }
    }

    /** The next {@value #CAMPAIGN} contacts, round the store. */
    List<dev.rapport.crm.common.ContactId> next() {
      List<dev.rapport.crm.common.ContactId> out = new ArrayList<>(CAMPAIGN);
      for (int i = 0; i < CAMPAIGN; i++) {
        out.add(ids.get(nextMember++ % ids.size()));
      }
      return out;
    }
  }

  private static final dev.rapport.crm.mail.MailAddress NEWS = dev.rapport.crm.mail.MailAddress.of("news@acme.example");

  /**
   * A campaign of {@value #CAMPAIGN} consenting contacts planned, its members added, started and
   * mailed ({@code sendCampaign}: consent and suppressions checked, each copy with its unsubscribe
   * token, logged in its own unit of work).
   */
  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(CAMPAIGN)
  public dev.rapport.crm.mail.CampaignSendReport sendCampaignMemory(Campaigns w) {
    var campaign = w.crm.campaigns().plan(dev.rapport.crm.campaign.NewCampaign.builder("News " + w.nextMessage++,
        dev.rapport.crm.campaign.Channel.EMAIL, java.time.LocalDate.of(2025, 3, 1), java.time.LocalDate.of(2025, 3, 31),
        dev.rapport.crm.common.Money.of("0.00", "EUR")).build());
    w.crm.campaigns().addMembers(campaign.id(), w.next().stream().map(dev.rapport.crm.campaign.MemberId::contact).toList());
    w.crm.campaigns().start(campaign.id());
    return w.crm.mail().sendCampaign(campaign.id(), dev.rapport.crm.mail.CampaignMail.of(NEWS, "News", "Our news."));
  }

  /** The baseline: the same {@value #CAMPAIGN} outbound messages to the same contacts, each logged by {@code send}. */
  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(CAMPAIGN)
  public int sendOneByOneMemory(Campaigns w) {
    int n = 0;
    for (int i = 0; i < CAMPAIGN; i++) {
      int member = w.nextMember++ % w.ids.size();
      w.crm.mail().send(dev.rapport.crm.mail.MailMessage.builder("one-" + w.nextMessage++ + "@acme.example", NEWS,
          java.time.Instant.parse("2025-03-03T09:00:00Z")).to(dev.rapport.crm.mail.MailAddress.of(address(member)))
          .subject("News").text("Our news.").build());
      n++;
    }
    return n;
  }

  /** Messages of the mbox file of {@link #mboxImportMemory}. */
  static final int MBOX = 10_000;
  /** Messages of the mbox file of {@link #mboxImportJpa}: a tenth, as a database logs some hundreds a second. */
  static final int MBOX_DB = 1_000;

  /** An mbox file of {@code count} new messages from {@code contacts} contacts, starting at message {@code first}. */
  static byte[] mbox(long first, int count, int contacts, List<byte[]> each) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(count * 1_400);
    for (long n = first; n < first + count; n++) {
      byte[] m = message(n, contacts);
      each.add(m);
      out.writeBytes(("From bench@acme.example Mon Mar  3 09:00:00 2025\r\n").getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(m);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  /** A memory store of {@code mboxContacts} contacts and the next mbox file to log (new messages each time). */
  @State(Scope.Benchmark)
  public static class MboxWorld {
    @Param("1000000")
    public int mboxContacts;

    Crm crm;
    final MailParser parser = MailParser.create();
    long next = 1_000_000_000L;
    byte[] file;
    final List<byte[]> messages = new ArrayList<>();

    @Setup(Level.Trial)
    public void store() {
      crm = Crm.builder().persistence(MemoryPersistence.create()).tenant("bench-mbox")
          .mail(MailSettings.builder().ownDomain("acme.example").build()).build();
      seed(crm, mboxContacts);
    }

    @Setup(Level.Invocation)
    public void nextFile() {
      messages.clear();
      file = mbox(next, MBOX, mboxContacts, messages);
      next += MBOX;
    }
  }

  /**
   * An mbox file of {@value #MBOX} new messages logged by {@code MailboxImport} (split, parsed, logged
   * 10 per unit of work) into a memory store of {@code mboxContacts} contacts: messages per second.
   */
  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(MBOX)
  public dev.rapport.crm.mailfile.MailboxReport mboxImportMemory(MboxWorld w) {
    return logged(dev.rapport.crm.mailfile.MailboxImport.into(w.crm).mbox(() -> new java.io.ByteArrayInputStream(w.file)),
        MBOX);
  }

  /** The report, checked: every message of the file logged (a benchmark of skipped messages measures nothing). */
  static dev.rapport.crm.mailfile.MailboxReport logged(dev.rapport.crm.mailfile.MailboxReport report, int expected) {
    if (report.read() != expected || report.logged() != expected) {
      throw new IllegalStateException("expected " + expected + " messages logged, got " + report);
    }
    return report;
  }

  /** The baseline: the parser alone on the same {@value #MBOX} messages (already split). */
  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(MBOX)
  public int mboxParseOnly(MboxWorld w) {
    int n = 0;
    for (byte[] m : w.messages) {
      n += w.parser.parse(1, m).message().isPresent() ? 1 : 0;
    }
    if (n != MBOX) {
      throw new IllegalStateException("expected " + MBOX + " messages parsed, got " + n);
    }
    return n;
  }

  /** The next mbox file for the database (new messages each time). */
  @State(Scope.Benchmark)
  public static class DbMbox {
    byte[] file;
    long next = 2_000_000_000L;

    @Setup(Level.Invocation)
    public void nextFile(Db db) {
      file = mbox(next, MBOX_DB, db.dbContacts, new ArrayList<>());
      next += MBOX_DB;
    }
  }

  /** An mbox file of {@value #MBOX_DB} new messages logged by {@code MailboxImport} on the JPA adapter. */
  @Benchmark
  @org.openjdk.jmh.annotations.OperationsPerInvocation(MBOX_DB)
  public dev.rapport.crm.mailfile.MailboxReport mboxImportJpa(Db db, Rapport r, DbMbox f) {
    return logged(dev.rapport.crm.mailfile.MailboxImport.into(r.jpa.crm).mbox(() -> new java.io.ByteArrayInputStream(f.file)),
        MBOX_DB);
  }
}
