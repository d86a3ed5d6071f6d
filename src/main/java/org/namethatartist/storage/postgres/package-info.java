/**
 * The PostgreSQL backend ({@code storage.backend: postgres}): the three ports on one database shared by
 * several bot processes, through {@code JdbcClient} and HikariCP; the schema by Flyway migrations under
 * {@code db/migration}.
 */
package org.namethatartist.storage.postgres;
