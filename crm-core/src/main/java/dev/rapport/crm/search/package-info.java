/**
 * Text search: leads, contacts and accounts found by part of a name, company, e-mail address,
 * phone number or domain, typo-tolerant, ranked. Reached through {@code crm.search()}.
 */
package dev.rapport.crm.search;
