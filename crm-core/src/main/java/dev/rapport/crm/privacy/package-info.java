/**
 * Privacy: what Rapport holds about one person, exported as one document, and erased on request
 * (a right of access and a right to erasure, as GDPR, POPIA and their kin give them), with a
 * marker that keeps an erased person from being brought back unnoticed; and retention, the
 * erasure or deletion of leads nobody touched for a time. Reached through {@code Crm.privacy()}.
 */
package dev.rapport.crm.privacy;
