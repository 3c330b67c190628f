/**
 * Internal to the JPA adapter: public only where a JPA provider needs it. Not an API; may change
 * without notice.
 */
package dev.rapport.crm.jpa.internal;
