package dev.rapport.crm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.crm.search.SearchQuery;
import dev.rapport.crm.search.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The core's word similarity equals PostgreSQL's ({@code pg_trgm}'s {@code word_similarity}),
 * float for float, on generated text: few letters, so that trigrams repeat and the walk over the
 * text's trigrams takes every turn; fields long enough to take the core's path for long text. The
 * memory store, H2 and MariaDB rank with the core's figure, PostgreSQL with its own: they agree.
 */
class SearchSimilarityTest {

  @Test
  void theCoresWordSimilarityIsPostgresqls() throws SQLException {
    DataSource ds = Database.POSTGRES.dataSource();
    Random random = new Random(25);
    int compared = 0;
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement("select word_similarity(?, ?)")) {
      for (int i = 0; i < 3_000; i++) {
        String query = text(random, "abc  ", 1 + random.nextInt(12));
        String field = text(random, "abc  ", 1 + random.nextInt(i % 2 == 0 ? 40 : 300));
        if (SearchText.fold(query).isEmpty() || SearchText.fold(field).isEmpty()) {
          continue;
        }
        SearchText stored = new SearchText(Optional.of(" " + SearchText.fold(field) + " "), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        double core = SearchQuery.of(query).similarity(stored);
        ps.setString(1, SearchText.fold(query));
        ps.setString(2, stored.name().orElseThrow());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(core).as("word_similarity('%s', '%s')", query, field).isEqualTo((double) rs.getFloat(1));
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(2_500);
  }

  private static String text(Random random, String alphabet, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
