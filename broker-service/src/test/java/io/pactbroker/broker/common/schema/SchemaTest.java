package io.pactbroker.broker.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.pactbroker.broker.support.ApiTest;
import io.pactbroker.broker.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Rules for the schema that every migration, now and later, must keep. */
@QuarkusTest
class SchemaTest extends ApiTest {

    @Test
    void shouldIndexEveryForeignKey() {
        String unindexed =
                database.single("SELECT coalesce(string_agg(c.conrelid::regclass || '.' || c.conname, ', '), '')"
                        + " FROM pg_constraint c WHERE c.contype = 'f' AND NOT EXISTS (SELECT 1 FROM pg_index i"
                        + " WHERE i.indrelid = c.conrelid"
                        + " AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey::int2[]"
                        + " AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey::int2[])");

        assertThat(unindexed)
                .as("foreign keys without an index starting with their columns")
                .isEmpty();
    }

    @Test
    void shouldNotIndexTheSameColumnsTwice() {
        String duplicates = database.single("SELECT coalesce(string_agg(names, '; '), '') FROM (SELECT"
                + " string_agg(i.indexrelid::regclass::text, ', ' ORDER BY i.indexrelid::regclass::text) AS names"
                + " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
                + " WHERE t.relnamespace = 'public'::regnamespace GROUP BY i.indrelid, i.indkey::text, i.indclass::text,"
                + " coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')"
                + " HAVING count(*) > 1) d");

        assertThat(duplicates)
                .as("indexes with the same columns, operator classes and predicate (two features indexing alike)")
                .isEmpty();
    }

    @Test
    void shouldKnowEveryTableWhenCleaningUpBetweenTests() {
        String tables = database.single("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables"
                + " WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'");

        assertThat(tables.split(",")).containsExactlyInAnyOrderElementsOf(Database.TABLES);
    }
}
