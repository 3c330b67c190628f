package dev.rapport.crm.internal;

import com.google.common.net.InternetDomainName;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Company domains, with Guava's copy of the Public Suffix List: the domain under which a company
 * registered its name is the part just below the public suffix, so {@code sales.acme.co.uk} and
 * {@code acme.co.uk} are one company's, while {@code co.uk} is no company's. Internationalised
 * names are kept in their ASCII (Punycode) form, so {@code bücher.de} and {@code xn--bcher-kva.de}
 * are one domain. Internal: may change without notice.
 */
public final class Domains {
  /** Registrable domains of free-mail providers: an address there names no company. */
  private static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "yahoo.com",
      "outlook.com", "hotmail.com", "live.com", "icloud.com", "me.com", "aol.com", "gmx.de",
      "gmx.net", "web.de", "proton.me", "protonmail.com", "mail.com", "yandex.ru", "t-online.de");

  private Domains() {}

  /** Whether a registrable domain (see {@link #registrable}) is a free-mail provider's. */
  public static boolean isFreeMail(String registrableDomain) {
    return FREE_MAIL.contains(registrableDomain);
  }

  /**
   * The ASCII form of a host name, in lower case, or empty if it is not a valid domain name.
   * A trailing dot is dropped.
   */
  public static Optional<String> ascii(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (h.isEmpty()) {
      return Optional.empty();
    }
    try {
      String ascii = IDN.toASCII(h, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
      return InternetDomainName.isValid(ascii) ? Optional.of(ascii) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The registrable domain of a valid ASCII domain name: the label just below its public suffix
   * with that suffix ({@code acme.co.uk} for {@code sales.acme.co.uk}); the name itself when it
   * is under no known suffix (an intranet name, a new top-level domain) or is itself a suffix.
   */
  public static String registrable(String asciiDomain) {
    InternetDomainName name = InternetDomainName.from(asciiDomain);
    return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : asciiDomain;
  }
}
