package dev.rapport.crm.common;

import dev.rapport.crm.exception.ValidationException;
import dev.rapport.crm.internal.Check;
import dev.rapport.crm.internal.Fold;

/**
 * The industry a lead's company or an account works in, so that sales and marketing can see
 * which industries buy. An open vocabulary, like {@link LeadSource}: the well-known industries
 * (the list most CRMs offer by default) are constants, and a host adds its own with
 * {@link #of(String)}, which also reads an industry as people write it ({@code "Food & Beverage"}
 * is {@link #FOOD_AND_BEVERAGE}).
 *
 * @param code the industry's code: 1 to 50 of lower-case letters, digits and {@code _}
 */
public record Industry(String code) {

  /** Agriculture, forestry and fishing. */
  public static final Industry AGRICULTURE = new Industry("agriculture");
  /** Clothing and footwear. */
  public static final Industry APPAREL = new Industry("apparel");
  /** Banks. */
  public static final Industry BANKING = new Industry("banking");
  /** Biotechnology and life sciences. */
  public static final Industry BIOTECHNOLOGY = new Industry("biotechnology");
  /** Chemicals. */
  public static final Industry CHEMICALS = new Industry("chemicals");
  /** Communications. */
  public static final Industry COMMUNICATIONS = new Industry("communications");
  /** Construction and building. */
  public static final Industry CONSTRUCTION = new Industry("construction");
  /** Consulting and professional services. */
  public static final Industry CONSULTING = new Industry("consulting");
  /** Schools, universities and training. */
  public static final Industry EDUCATION = new Industry("education");
  /** Electronics. */
  public static final Industry ELECTRONICS = new Industry("electronics");
  /** Energy. */
  public static final Industry ENERGY = new Industry("energy");
  /** Engineering. */
  public static final Industry ENGINEERING = new Industry("engineering");
  /** Entertainment. */
  public static final Industry ENTERTAINMENT = new Industry("entertainment");
  /** Environmental services. */
  public static final Industry ENVIRONMENTAL = new Industry("environmental");
  /** Finance other than banking and insurance. */
  public static final Industry FINANCE = new Industry("finance");
  /** Food and beverage. */
  public static final Industry FOOD_AND_BEVERAGE = new Industry("food_and_beverage");
  /** Government and public administration. */
  public static final Industry GOVERNMENT = new Industry("government");
  /** Healthcare. */
  public static final Industry HEALTHCARE = new Industry("healthcare");
  /** Hotels, restaurants and travel. */
  public static final Industry HOSPITALITY = new Industry("hospitality");
  /** Insurance. */
  public static final Industry INSURANCE = new Industry("insurance");
  /** Machinery. */
  public static final Industry MACHINERY = new Industry("machinery");
  /** Manufacturing. */
  public static final Industry MANUFACTURING = new Industry("manufacturing");
  /** Media and publishing. */
  public static final Industry MEDIA = new Industry("media");
  /** Charities and other not-for-profit organisations. */
  public static final Industry NOT_FOR_PROFIT = new Industry("not_for_profit");
  /** Recreation and sport. */
  public static final Industry RECREATION = new Industry("recreation");
  /** Retail. */
  public static final Industry RETAIL = new Industry("retail");
  /** Shipping and logistics. */
  public static final Industry SHIPPING = new Industry("shipping");
  /** Software and information technology. */
  public static final Industry TECHNOLOGY = new Industry("technology");
  /** Telecommunications. */
  public static final Industry TELECOMMUNICATIONS = new Industry("telecommunications");
  /** Transportation. */
  public static final Industry TRANSPORTATION = new Industry("transportation");
  /** Utilities. */
  public static final Industry UTILITIES = new Industry("utilities");
  /** Wholesale and distribution. */
  public static final Industry WHOLESALE = new Industry("wholesale");
  /** Anything else. */
  public static final Industry OTHER = new Industry("other");

  private static final int MAX_LENGTH = Limits.CODE;

  /** @throws ValidationException if the code is null or not 1 to 50 of {@code [a-z0-9_]} */
  public Industry {
    Check.notNull(code, "industry");
    if (!Check.isCode(code)) {
      throw new ValidationException("industry", "must be 1 to 50 of lower-case letters, digits and '_'");
    }
  }

  /**
   * The industry with the given code or name, as people write it: accents and case are dropped,
   * {@code &} is read as {@code and}, and each run of other characters becomes one {@code _}; so
   * {@code of("Food & Beverage")} is {@link #FOOD_AND_BEVERAGE} and {@code of("Wholesale")} is
   * {@link #WHOLESALE}.
   *
   * @throws ValidationException if the text is null, has no letter or digit of the Latin,
   *     Cyrillic or Greek alphabet, has a letter of another script, or makes a code over 50
   *     characters
   */
  public static Industry of(String text) {
    Check.notNull(text, "industry");
    String code = codeOf(text);
    if (code.isEmpty() || code.length() > MAX_LENGTH || !Check.isCode(code)) {
      throw new ValidationException("industry", "must be a code or name that reads as 1 to 50 of "
          + "lower-case letters, digits and '_' (letters of the Latin, Cyrillic or Greek alphabet)");
    }
    return new Industry(code);
  }

  /**
   * The code {@link #of} reads from a text, or an empty string when there is none: for an adapter
   * reading industries stored as free text before they were codes. Internal; may change.
   */
  static String codeOf(String text) {
    String folded = Fold.name(text.replace("&", " and "));
    return folded.replace(' ', '_');
  }

  /**
   * An industry stored as free text before industries were codes, read as well as it can be: as
   * {@link #of} reads it, cut to 50 characters at a word break, or {@link #OTHER} when no code
   * can be read. For adapters reading stored rows; a host uses {@link #of}.
   *
   * @throws ValidationException if the text is null
   */
  public static Industry stored(String text) {
    Check.notNull(text, "industry");
    String code = codeOf(text);
    if (Check.isCode(code)) {
      return new Industry(code);
    }
    if (code.length() > MAX_LENGTH) {
      int cut = code.lastIndexOf('_', MAX_LENGTH);
      String shorter = code.substring(0, cut > 0 ? cut : MAX_LENGTH);
      if (Check.isCode(shorter)) {
        return new Industry(shorter);
      }
    }
    return OTHER;
  }

  @Override
  public String toString() {
    return code;
  }
}
