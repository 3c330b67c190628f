/**
 * Rapport's schema scripts for h2 ({@code V1__rapport_crm.sql} and on), resources in this
 * directory. Declared as a package only so that the module can open it: on the module path, Flyway
 * (or any host code) reads the scripts with {@code classpath:db/rapport/h2}.
 */
package db.rapport.h2;
