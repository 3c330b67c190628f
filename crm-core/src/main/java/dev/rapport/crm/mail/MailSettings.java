package dev.rapport.crm.mail;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How {@code crm.mail()} reads messages: which addresses are the tenant's own (a message from one
 * of them is outbound, and they are never linked as people), what to do with an inbound message
 * from an unknown sender, and whether a reply whose ids name no logged message joins a thread by
 * its subject. An immutable value; {@link #standard()} or {@link #builder()}.
 *
 * @param ownDomains the tenant's mail domains, lower case (every address at one is its own)
 * @param ownAddresses the tenant's own addresses at other domains
 * @param unknownSenders what an inbound message from an address no lead or contact has does
 * @param threadBySubject whether a message that answers nothing logged joins the latest thread
 *     with the same subject (without {@code Re:}, {@code Fwd:}, ...) and a shared address
 * @param unsubscribeUrl the start of the one-click unsubscribe URL the host serves (campaign mail
 *     carries it with a signed token appended; the host hands the token to
 *     {@link MailService#unsubscribe}), if campaign mail is sent
 * @param unsubscribeKey the secret that signs unsubscribe tokens (at least 32 characters; keep it
 *     with the host's other secrets: whoever has it can unsubscribe anyone)
 */
public record MailSettings(Set<String> ownDomains, Set<EmailAddress> ownAddresses, UnknownSenders unknownSenders,
    boolean threadBySubject, Optional<String> unsubscribeUrl, Optional<String> unsubscribeKey) {

  /** The shortest {@link #unsubscribeKey}. */
  public static final int MIN_KEY = 32;

  /** What an inbound message from an address no lead or contact has does. */
  public enum UnknownSenders {
    /** It is not logged unless another address of it is known ({@link MailIngest.Outcome#IGNORED}). */
    IGNORE,
    /** The sender is captured as a lead with source {@code inbound_email}, and the message logged on it. */
    CAPTURE_AS_LEAD
  }

  /** @throws ValidationException if a part is null or a domain is not a domain name */
  public MailSettings {
    Set<String> domains = new LinkedHashSet<>();
    for (String d : Check.noNulls(ownDomains, "mail.ownDomains")) {
      domains.add(domain(d));
    }
    ownDomains = Set.copyOf(domains);
    ownAddresses = Set.copyOf(Check.noNulls(ownAddresses, "mail.ownAddresses"));
    Check.notNull(unknownSenders, "mail.unknownSenders");
    Check.notNull(unsubscribeUrl, "mail.unsubscribeUrl");
    unsubscribeUrl = unsubscribeUrl.map(MailText::url);
    Check.notNull(unsubscribeKey, "mail.unsubscribeKey");
    unsubscribeKey = unsubscribeKey.map(k -> Check.text(k, "mail.unsubscribeKey", 1_000));
    if (unsubscribeKey.filter(k -> k.length() < MIN_KEY).isPresent()) {
      throw new ValidationException("mail.unsubscribeKey", "must be at least " + MIN_KEY + " characters");
    }
    if (unsubscribeUrl.isPresent() != unsubscribeKey.isPresent()) {
      throw new ValidationException("mail.unsubscribeKey", "must be given with the unsubscribe URL, and only with it");
    }
  }

  @Override
  public String toString() { // never the key
    return "MailSettings[ownDomains=" + ownDomains + ", ownAddresses=" + ownAddresses + ", unknownSenders="
        + unknownSenders + ", threadBySubject=" + threadBySubject + ", unsubscribeUrl=" + unsubscribeUrl
        + ", unsubscribeKey=" + unsubscribeKey.map(k -> "(set)") + "]";
  }

  /** No own domains or addresses (every message is inbound), unknown senders ignored, subjects threaded. */
  public static MailSettings standard() {
    return new MailSettings(Set.of(), Set.of(), UnknownSenders.IGNORE, true, Optional.empty(), Optional.empty());
  }

  /** Starts from {@link #standard()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the address is the tenant's own: one of its addresses, or at one of its domains. */
  public boolean isOwn(EmailAddress address) {
    if (ownAddresses.contains(address)) {
      return true;
    }
    return ownDomains.contains(address.domain());
  }

  private static String domain(String value) {
    String d = Check.text(value, "mail.ownDomains", dev.rapport.crm.common.Limits.DOMAIN);
    try {
      return EmailAddress.of("x@" + (d.startsWith("@") ? d.substring(1) : d), "mail.ownDomains").domain();
    } catch (ValidationException e) {
      throw new ValidationException("mail.ownDomains", "must be a domain name");
    }
  }

  /** Builds {@link MailSettings}. Not thread-safe. */
  public static final class Builder {
    private final Set<String> domains = new LinkedHashSet<>();
    private final Set<EmailAddress> addresses = new LinkedHashSet<>();
    private UnknownSenders unknownSenders = UnknownSenders.IGNORE;
    private boolean threadBySubject = true;
    private Optional<String> unsubscribeUrl = Optional.empty();
    private Optional<String> unsubscribeKey = Optional.empty();

    private Builder() {}

    /**
     * Adds a domain of the tenant's, e.g. {@code acme.example}.
     *
     * @throws ValidationException if null or not a domain name
     */
    public Builder ownDomain(String domain) {
      domains.add(domain(domain));
      return this;
    }

    /**
     * Adds an address of the tenant's at another domain.
     *
     * @throws ValidationException if null or not an e-mail address
     */
    public Builder ownAddress(String address) {
      addresses.add(EmailAddress.of(address, "mail.ownAddresses"));
      return this;
    }

    /**
     * What an inbound message from an unknown sender does (default {@link UnknownSenders#IGNORE}).
     *
     * @throws ValidationException if null
     */
    public Builder unknownSenders(UnknownSenders what) {
      this.unknownSenders = Check.notNull(what, "mail.unknownSenders");
      return this;
    }

    /** Whether replies that answer nothing logged join a thread by subject (default true). */
    public Builder threadBySubject(boolean on) {
      this.threadBySubject = on;
      return this;
    }

    /**
     * The one-click unsubscribe link of campaign mail: its URL is {@code urlStart} followed by a
     * token signed with {@code key}, e.g. {@code https://acme.example/unsubscribe?token=}. The host
     * serves that URL (a {@code POST} for RFC 8058 one-click, and a page for a {@code GET}) and
     * hands the token to {@link MailService#unsubscribe}.
     *
     * @throws ValidationException if the URL is not an http(s) URL of at most 500 characters, or
     *     the key is null or shorter than {@value MailSettings#MIN_KEY} characters
     */
    public Builder unsubscribe(String urlStart, String key) {
      this.unsubscribeUrl = Optional.of(MailText.url(urlStart));
      Check.text(key, "mail.unsubscribeKey", 1_000);
      if (key.length() < MIN_KEY) {
        throw new ValidationException("mail.unsubscribeKey", "must be at least " + MIN_KEY + " characters");
      }
      this.unsubscribeKey = Optional.of(key);
      return this;
    }

    /** The settings. */
    public MailSettings build() {
      return new MailSettings(domains, addresses, unknownSenders, threadBySubject, unsubscribeUrl, unsubscribeKey);
    }
  }
}
