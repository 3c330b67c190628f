package dev.rapport.crm.mailfile;

import dev.rapport.crm.Crm;
import dev.rapport.crm.exception.CrmException;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.mail.MailIngest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Logs mail files into a {@code Crm}: an mbox file (streamed: a batch of parsed messages in memory
 * at a time) or a single message, through {@code crm.mail().ingestAll}, a batch per unit of work.
 * A message that cannot be read, or that the CRM refuses, is counted and reported with its number
 * and reason, and never stops the rest or half-stores anything; a failing database
 * ({@link dev.rapport.crm.exception.StoreException}) stops the import, the messages before it logged. Configured, then run once or more;
 * not thread-safe.
 *
 * <pre>{@code
 * MailboxReport report = MailboxImport.into(crm).mbox(Path.of("Sent.mbox"));
 * }</pre>
 */
public final class MailboxImport {
  private final Crm crm;
  private final MailParser parser = MailParser.create();
  private Consumer<MailboxReport> progress = r -> { };
  private int batch = DEFAULT_BATCH;

  /** Messages logged per unit of work by default. */
  public static final int DEFAULT_BATCH = 10;

  private MailboxImport(Crm crm) {
    this.crm = crm;
  }

  /**
   * An import into the tenant of {@code crm}.
   *
   * @throws ValidationException if crm is null
   */
  public static MailboxImport into(Crm crm) {
    if (crm == null) {
      throw new ValidationException("crm", "must not be null");
    }
    return new MailboxImport(crm);
  }

  /**
   * Messages logged per unit of work (default {@value #DEFAULT_BATCH}): one commit for them all. A
   * batch the CRM refuses (a lead changed concurrently, a message logged by another node at the same
   * moment) is logged again one message at a time, so only the refused one is reported.
   *
   * @throws ValidationException if not between 1 and {@value dev.rapport.crm.mail.MailService#MAX_BATCH}
   */
  public MailboxImport batchSize(int messages) {
    if (messages < 1 || messages > dev.rapport.crm.mail.MailService.MAX_BATCH) {
      throw new ValidationException("batchSize", "must be from 1 to " + dev.rapport.crm.mail.MailService.MAX_BATCH);
    }
    this.batch = messages;
    return this;
  }

  /**
   * Told after every batch, and at the end, how far the import is.
   *
   * @throws ValidationException if null
   */
  public MailboxImport onProgress(Consumer<MailboxReport> listener) {
    if (listener == null) {
      throw new ValidationException("onProgress", "must not be null");
    }
    this.progress = listener;
    return this;
  }

  /**
   * Logs every message of an mbox file.
   *
   * @param source opens the file; the import closes it
   * @throws ValidationException if source is null
   * @throws UncheckedIOException if the file cannot be read (the messages before stay logged)
   * @throws dev.rapport.crm.exception.StoreException if the database fails (the messages before stay logged)
   */
  public MailboxReport mbox(Supplier<InputStream> source) {
    if (source == null) {
      throw new ValidationException("source", "must not be null");
    }
    return run(each -> {
      try (InputStream in = Objects.requireNonNull(source.get(), "the source opened nothing")) {
        Mbox.split(in, m -> each.accept(m.tooLarge()
            ? ParsedMail.skipped(m.number(), "larger than " + MailParser.MAX_BYTES + " bytes")
            : parser.parse(m.number(), m.bytes())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Logs messages read by another reader (such as crm-mail-outlook's {@code OutlookMessages} for
   * {@code .msg} files), as an mbox's are: in batches, each message's problem reported, a bad
   * message stopping nothing. The stream is read once, lazily: a folder of files never sits in
   * memory.
   *
   * @throws ValidationException if the stream is null
   * @throws UncheckedIOException if the reader cannot read a file (the messages before stay logged)
   * @throws dev.rapport.crm.exception.StoreException if the database fails (the messages before stay logged)
   */
  public MailboxReport parsed(java.util.stream.Stream<ParsedMail> messages) {
    if (messages == null) {
      throw new ValidationException("messages", "must not be null");
    }
    return run(each -> {
      try (messages) {
        messages.forEachOrdered(m -> each.accept(Objects.requireNonNull(m, "a parsed message")));
      }
    });
  }

  /** Logs what {@code source} hands to its consumer, a batch at a time, telling progress after each. */
  MailboxReport run(Consumer<Consumer<ParsedMail>> source) {
    Tally tally = new Tally();
    source.accept(parsed -> {
      tally.add(parsed);
      if (tally.read % batch == 0) {
        tally.flush();
        progress.accept(tally.report());
      }
    });
    tally.flush();
    MailboxReport report = tally.report();
    progress.accept(report);
    return report;
  }

  /** The parser this import reads with. */
  MailParser parser() {
    return parser;
  }

  /**
   * Logs every message of an mbox file on disk: {@link #mbox(Supplier)} of the file.
   *
   * @throws ValidationException if file is null
   * @throws UncheckedIOException if the file cannot be opened or read (the messages before stay logged)
   * @throws dev.rapport.crm.exception.StoreException if the database fails (the messages before stay logged)
   */
  public MailboxReport mbox(java.nio.file.Path file) {
    if (file == null) {
      throw new ValidationException("file", "must not be null");
    }
    return mbox(() -> {
      try {
        return java.nio.file.Files.newInputStream(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * Logs one message ({@code .eml}).
   *
   * @param source opens the message; the import closes it
   * @throws ValidationException if source is null
   * @throws UncheckedIOException if it cannot be read
   * @throws dev.rapport.crm.exception.StoreException if the database fails
   */
  public MailboxReport message(Supplier<InputStream> source) {
    if (source == null) {
      throw new ValidationException("source", "must not be null");
    }
    Tally tally = new Tally();
    try (InputStream in = Objects.requireNonNull(source.get(), "the source opened nothing")) {
      tally.add(parser.parse(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    tally.flush();
    return tally.report();
  }

  /** The counts so far, and the messages read but not yet logged. */
  private final class Tally {
    long read;
    long logged;
    long alreadyLogged;
    long ignored;
    final List<MailboxReport.Problem> problems = new ArrayList<>();
    final List<ParsedMail> pending = new ArrayList<>();

    void add(ParsedMail parsed) {
      read++;
      if (parsed.message().isEmpty()) {
        problems.add(new MailboxReport.Problem(parsed.number(), parsed.problem().orElseThrow()));
      } else {
        pending.add(parsed);
      }
      if (pending.size() == batch) {
        flush();
      }
    }

    /** Logs the pending messages in one unit of work; when that is refused, one by one. */
    void flush() {
      if (pending.isEmpty()) {
        return;
      }
      try {
        List<MailIngest> results = crm.mail().ingestAll(pending.stream().map(p -> p.message().orElseThrow()).toList());
        results.forEach(this::count);
      } catch (dev.rapport.crm.exception.StoreException e) {
        throw e; // the database failed: not these messages' fault, and the next would fail too
      } catch (CrmException e) {
        for (ParsedMail p : pending) { // one of them is refused: find it, keep the others
          try {
            count(crm.mail().ingest(p.message().orElseThrow()));
          } catch (dev.rapport.crm.exception.StoreException s) {
            throw s;
          } catch (CrmException one) {
            problems.add(new MailboxReport.Problem(p.number(), "refused: " + one.getMessage()));
          }
        }
      }
      pending.clear();
    }

    private void count(MailIngest r) {
      switch (r.outcome()) {
        case LOGGED -> logged++;
        case ALREADY_LOGGED -> alreadyLogged++;
        case IGNORED -> ignored++;
      }
    }

    MailboxReport report() {
      return new MailboxReport(read - pending.size(), logged, alreadyLogged, ignored, problems.size(), problems);
    }
  }
}
