package dev.rapport.crm.memory;


/** The names of the secondary indexes; each repository defines its kind with them. Constants. */
final class Kinds {
  private Kinds() {}

  static final String EMAIL = "email";
  static final String STATUS = "status";
  static final String TEMPERATURE = "temperature";
  static final String OWNER = "owner";
  static final String SOURCE = "source";
  static final String ACCOUNT = "account";
  static final String STAGE = "stage";
  static final String NAME_KEY = "nameKey";
  static final String DOMAIN = "domain";
  static final String EXTERNAL_REFERENCE = "externalReference";
  static final String CAMPAIGN = "campaign";
  static final String RESPONDED = "responded";
  static final String ORIGIN_LEAD = "originLead";
}
