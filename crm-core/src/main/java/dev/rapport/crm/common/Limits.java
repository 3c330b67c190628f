package dev.rapport.crm.common;

import dev.rapport.crm.internal.Check;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The limits of every value Rapport accepts, in one place. The core checks each value against
 * them before a command reaches the store, so every adapter on every supported database
 * (PostgreSQL, MariaDB, H2, and memory) can store what the core accepts and read it back
 * unchanged. A value outside them is refused with a {@link dev.rapport.crm.exception.ValidationException}
 * naming the field and the rule; nothing is truncated or rounded behind the caller's back, but
 * for what is documented here: instants are kept to the microsecond (query bounds round up), a
 * derived value (an account's name key, the account name conversion makes up) is cut to its
 * limit, and a lead keeps its most recent {@link #SIGNALS_PER_LEAD} signals.
 *
 * <p>The rules that hold for every text:
 *
 * <ul>
 *   <li>Lengths count Unicode code points, as PostgreSQL and MariaDB {@code varchar(n)} do: an
 *       emoji is one character, not two UTF-16 units. Wherever Rapport's Javadoc and messages
 *       say "characters" of a text, they mean code points.
 *   <li>No NUL character (U+0000): PostgreSQL refuses it in text.
 *   <li>No unpaired surrogate: it is not a character, UTF-8 cannot encode it, and databases
 *       store a replacement ({@code ?}) instead.
 *   <li>Surrounding white space is stripped; a required text must not be blank.
 *   <li>Every other character is kept as given, control characters included.
 * </ul>
 *
 * <p>A schema script of an adapter declares each column at least as wide as its limit here; the
 * JPA adapter's tests check its scripts against these constants.
 */
public final class Limits {
  private Limits() {}

  /**
   * Free text of one line: company, job title, owner, disqualification reason, account name,
   * industry, external reference, opportunity name, campaign and UTM parts, consent source: 200
   * code points. Indexed columns (owner, external reference) must stay within MariaDB's 3,072
   * index bytes at 4 bytes a character together with the tenant id.
   */
  public static final int TEXT = 200;

  /** A given or family name: 100 code points. */
  public static final int NAME_PART = 100;

  /** The free-text detail of an engagement signal: 500 code points. */
  public static final int SIGNAL_DETAIL = 500;

  /** A pipeline stage's name: 100 code points. */

  /** Values in one set of a query (statuses, temperatures, sources, stages): 100. */
  public static final int QUERY_VALUES = 100;
  public static final int STAGE_NAME = 100;

  /**
   * A code of an open vocabulary (lead source, signal type, lost reason): 1 to 50 of lower-case
   * ASCII letters, digits and {@code _}.
   */
  public static final int CODE = 50;

  /** An e-mail address: 254 characters (RFC 5321's longest path less the angle brackets). */
  public static final int EMAIL = 254;

  /** A domain name: 253 characters (RFC 1035). */
  public static final int DOMAIN = 253;

  /** A tenant id: 64 characters. */
  public static final int TENANT_ID = 64;

  /**
   * The longest text that {@link PhoneNumber#of} parses: 64 characters (an E.164 number has at
   * most 15 digits; the rest is room for spaces, dashes and an extension).
   */
  public static final int PHONE_TEXT = 64;

  /**
   * The longest text that {@link Money#of(String, String)} parses: 64 characters, so parsing is
   * bounded in time and size whatever the input.
   */
  public static final int AMOUNT_TEXT = 64;

  /**
   * The key under which account names are matched keeps its first 200 code points. Unicode
   * normalisation can make a key many times longer than its name (the ligature U+FB03 is three
   * letters); the key is for matching, so a longer key is cut rather than the name refused.
   */
  public static final int NAME_KEY = 200;

  /**
   * Digits an amount may have before the decimal point: 15, so every amount is below 10^15 in
   * absolute value. The columns are {@code numeric(19,4)}: 15 digits before the point and 4
   * after, which holds every ISO 4217 currency's minor unit (at most 4 decimals).
   */
  public static final int AMOUNT_INTEGER_DIGITS = 15;

  /** The largest amount in absolute value: 999,999,999,999,999 and as many nines after the point as the currency has decimals. */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.9999");

  /**
   * The earliest instant: 1900-01-01T00:00:00Z. JDBC drivers and providers convert dates before
   * the Gregorian reform (1582) and before the year 1 differently from {@code java.time}
   * ({@code 0000-01-01} came back as {@code 0001-01-01} on PostgreSQL), and many time zones had
   * local mean times with odd offsets before 1900; no CRM record is older.
   */
  public static final Instant EARLIEST_INSTANT = Check.EARLIEST_INSTANT;

  /**
   * The latest instant: 9999-12-31T23:59:59.999999Z, the end of MariaDB's {@code datetime(6)}
   * (PostgreSQL and H2 go further). Instants are kept to the microsecond, as every database's
   * {@code timestamp(6)} holds them: a finer instant is truncated.
   */
  public static final Instant LATEST_INSTANT = Check.LATEST_INSTANT;

  /** The earliest date: 1900-01-01, for the reasons given at {@link #EARLIEST_INSTANT}. */
  public static final LocalDate EARLIEST_DATE = Check.EARLIEST_DATE;

  /** The latest date: 9999-12-31, the end of MariaDB's {@code date}. */
  public static final LocalDate LATEST_DATE = Check.LATEST_DATE;

  /**
   * Engagement signals a lead keeps: its 1,000 most recent. A lead captured with more is refused;
   * when a recorded signal makes 1,001, the oldest is dropped (the temperature policy reads only
   * recent signals), which may be the recorded signal itself when it is older than all the others.
   */
  public static final int SIGNALS_PER_LEAD = 1_000;

  /** E-mail addresses of one contact: 20. Conversion adds a lead's address only while there is room. */
  public static final int EMAILS_PER_CONTACT = 20;

  /** Phone numbers of one contact: 20. Conversion adds a lead's number only while there is room. */
  public static final int PHONES_PER_CONTACT = 20;

  /**
   * Stage changes in one opportunity's history: 1,000 moves and reopenings. One that would make
   * 1,001 is refused (the history is what forecasts and funnels are computed from, so it is never
   * cut); winning or losing stays possible, so a closed opportunity's history holds at most 1,001.
   */
  public static final int STAGE_CHANGES = 1_000;

  /**
   * The description of a service case: 10,000 code points, room for a customer's message with a
   * pasted error log, yet small enough to keep a case a single row (MariaDB {@code text} holds
   * 65,535 bytes, 16,383 characters at four bytes each).
   */
  public static final int CASE_DESCRIPTION = 10_000;

  /**
   * The resolution of a service case: 2,000 code points, what was done, in a paragraph or two
   * (as a MariaDB {@code varchar} it keeps the case row within the 65,535-byte row limit).
   */
  public static final int CASE_RESOLUTION = 2_000;

  /**
   * The comment of a feedback answer: 2,000 code points, longer than any survey's free-text box
   * usually allows (often 1,000), short enough for an inline column on every database.
   */
  public static final int FEEDBACK_COMMENT = 2_000;

  /**
   * People one command adds to a campaign: 10,000, as many leads as one {@code captureAll} takes.
   * The command checks, writes and names (in its event) every one of them in one unit of work, so
   * its cost must stay bounded; a larger list is added in several commands.
   */
  public static final int CAMPAIGN_MEMBERS_PER_COMMAND = 10_000;

  /**
   * The body of an activity or the description of a task: 10,000 code points, stored in a text
   * column. Long enough for the text of an ordinary e-mail or meeting minutes; a host keeps
   * attachments and whole threads in its own store and links to them.
   */
  public static final int ACTIVITY_BODY = 10_000;

  /**
   * The longest duration of an activity: 7 days, kept to the second (a conference; anything
   * longer is not one activity).
   */
  public static final java.time.Duration ACTIVITY_DURATION = java.time.Duration.ofDays(7);

  /**
   * The summary of a history entry of a timeline: 500 code points. Summaries are derived from
   * events (e.g. "Stage: Proposal -> Negotiation"), so a longer one is cut, not refused.
   */
  public static final int TIMELINE_SUMMARY = 500;

  /**
   * Lines of one sale: 1,000, more than any invoice a small business writes by hand, few enough to
   * check and store a sale in one unit of work.
   */
  public static final int SALE_LINES = 1_000;

  /** Sales one payment settles: 1,000 (a customer paying a year of weekly invoices at once). */
  public static final int PAYMENT_ALLOCATIONS = 1_000;

  /**
   * Decimals of a sale line's quantity: 6 (grams of a kilogram, hours to the second fraction);
   * its integer part is below 10^9.
   */
  public static final int QUANTITY_DECIMALS = 6;

  /** The integer digits of a sale line's quantity: 9 (below a billion units). */
  public static final int QUANTITY_INTEGER_DIGITS = 9;
}
