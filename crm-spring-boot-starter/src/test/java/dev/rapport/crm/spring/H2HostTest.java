package dev.rapport.crm.spring;

import org.springframework.test.context.TestPropertySource;

/** The host application on an in-memory H2 database. */
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:host;DB_CLOSE_DELAY=-1",
    "spring.jpa.hibernate.ddl-auto=validate",
    "spring.jpa.properties.hibernate.type.java_time_use_direct_jdbc=true"})
class H2HostTest extends HostContract {}
