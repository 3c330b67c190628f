package dev.rapport.crm.jpa;

import dev.rapport.crm.common.TenantId;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What the unit of work needs to know of one kind of aggregate and its entity: how to read the
 * domain record's id, tenant and version, and how to map it.
 *
 * @param name the kind's name in exceptions, e.g. {@code lead}
 * @param entityName the JPQL entity name
 * @param entityClass the entity class
 * @param id the domain record's id
 * @param tenant the domain record's tenant
 * @param version the domain record's version
 * @param withVersion the domain record with another version
 * @param newEntity a new entity
 * @param toEntity copies the domain record into an entity (all but the version)
 * @param entityId the entity's id
 * @param entityVersion the entity's version column
 * @param state every column of the entity but id and version
 */
record Kind<D, E>(
    String name,
    String entityName,
    Class<E> entityClass,
    Function<D, UUID> id,
    Function<D, TenantId> tenant,
    ToLongFunction<D> version,
    WithVersion<D> withVersion,
    Supplier<E> newEntity,
    BiConsumer<D, E> toEntity,
    Function<E, UUID> entityId,
    ToLongFunction<E> entityVersion,
    Function<E, List<Object>> state) {

  /** A domain record with another version. */
  interface WithVersion<D> {
    D apply(D record, long version);
  }
}
