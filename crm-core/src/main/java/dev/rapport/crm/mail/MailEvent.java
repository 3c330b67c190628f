package dev.rapport.crm.mail;

import dev.rapport.crm.event.CrmEvent;

/**
 * What happens to logged mail: the events of this feature, a sealed family under {@link CrmEvent}
 * (a {@code switch} over it is checked for completeness).
 */
public sealed interface MailEvent extends CrmEvent permits MailLogged, MailSuppressed {}
