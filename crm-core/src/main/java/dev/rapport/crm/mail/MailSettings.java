package dev.rapport.crm.mail;

import dev.rapport.crm.common.EmailAddress;
import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import java.util.LinkedHashSet;
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
 */
public record MailSettings(Set<String> ownDomains, Set<EmailAddress> ownAddresses, UnknownSenders unknownSenders,
    boolean threadBySubject) {

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
  }

  /** No own domains or addresses (every message is inbound), unknown senders ignored, subjects threaded. */
  public static MailSettings standard() {
    return new MailSettings(Set.of(), Set.of(), UnknownSenders.IGNORE, true);
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

    /** The settings. */
    public MailSettings build() {
      return new MailSettings(domains, addresses, unknownSenders, threadBySubject);
    }
  }
}
