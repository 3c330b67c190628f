/**
 * The audit trail: who changed what, when, and from what to what. Every command of a {@code Crm}
 * records an entry per record it changed, in its own unit of work, naming the actor the host gave
 * ({@code Crm.Builder.actor}, {@code crm.as(actor)}). Queried per record and per actor through
 * {@code Crm.audit()}.
 */
package dev.rapport.crm.audit;
