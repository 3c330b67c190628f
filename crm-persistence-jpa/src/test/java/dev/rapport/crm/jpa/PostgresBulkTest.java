package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rows {@link PostgresBulk} writes are the rows the provider would write: every mapped column
 * of each entity it serves is in its column list, once, and its array literals quote what
 * PostgreSQL would otherwise read as syntax. (That the rows read back unchanged is the TCK's
 * {@code RoundTripContract}, run on PostgreSQL with both providers.)
 */
class PostgresBulkTest {

  @Test
  void theLeadTimelineAndOutboxColumnsAreEveryMappedColumn() {
    assertThat(names(JpaLeads.COLUMNS)).containsExactlyInAnyOrderElementsOf(mapped(LeadEntity.class));
    assertThat(names(JpaTimeline.COLUMNS)).containsExactlyInAnyOrderElementsOf(mapped(TimelineEntryEntity.class));
    assertThat(names(JpaUnitOfWork.OUTBOX_COLUMNS)).containsExactlyInAnyOrderElementsOf(mapped(OutboxEntity.class));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(names = {"H2_HIBERNATE", "H2_ECLIPSELINK", "POSTGRES_HIBERNATE", "POSTGRES_ECLIPSELINK"})
  void onlyPostgreSqlIsRecognisedAsPostgreSql(Target target) {
    assertThat(PostgresBulk.isPostgres(target.store().factory())).isEqualTo(target.database == Database.POSTGRES);
  }

  @Test
  void anArrayLiteralQuotesEveryValueAndEscapesQuotesAndBackslashes() {
    UUID id = UUID.fromString("0192f0c3-0000-7000-8000-000000000001");
    List<Object> values = Arrays.asList("a \"b\" \\c", null, "NULL", "{x,y}", id, 42L, "");
    assertThat(PostgresBulk.array(values, v -> v))
        .isEqualTo("{\"a \\\"b\\\" \\\\c\",NULL,\"NULL\",\"{x,y}\",\"" + id + "\",\"42\",\"\"}");
    assertThat(PostgresBulk.array(List.of(), v -> v)).isEqualTo("{}");
  }

  private static List<String> names(List<? extends PostgresBulk.Column<?>> columns) {
    return columns.stream().map(PostgresBulk.Column::name).toList();
  }

  private static List<String> mapped(Class<?> entity) {
    List<String> names = new ArrayList<>();
    for (Field f : entity.getDeclaredFields()) {
      Column c = f.getAnnotation(Column.class);
      if (c != null) {
        names.add(c.name());
      }
    }
    return names;
  }
}
