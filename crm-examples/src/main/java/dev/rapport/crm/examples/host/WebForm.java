package dev.rapport.crm.examples.host;

import java.util.Objects;
import java.util.Optional;

/**
 * What the "contact us" form on the accounting package's website posts: who, from where (the
 * UTM parameters of the link they came by), and whether they asked for a demo.
 */
public record WebForm(String givenName, String familyName, String email, Optional<String> company,
    Optional<String> phone, String utmSource, String utmMedium, String utmCampaign, boolean wantsDemo) {

  public WebForm {
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(utmSource, "utmSource");
    Objects.requireNonNull(utmMedium, "utmMedium");
    Objects.requireNonNull(utmCampaign, "utmCampaign");
  }
}
