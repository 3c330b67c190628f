/**
 * JSON for Rapport's values, records and events through Jackson: register
 * {@link dev.rapport.crm.jackson.RapportModule} with a mapper. Everything else in this package is
 * its implementation.
 */
package dev.rapport.crm.jackson;
