package dev.rapport.crm.lead;

import dev.rapport.crm.contact.Account;
import dev.rapport.crm.contact.Contact;
import dev.rapport.crm.opportunity.Opportunity;
import java.util.Optional;

/**
 * What a conversion stored.
 *
 * @param lead the converted lead, linking to the rest
 * @param contact the contact, new or merged
 * @param contactCreated whether the contact is new
 * @param account the account, new or existing
 * @param accountCreated whether the account is new
 * @param opportunity the opportunity opened, if one was asked for
 */
public record ConversionResult(Lead lead, Contact contact, boolean contactCreated, Account account,
    boolean accountCreated, Optional<Opportunity> opportunity) {}
