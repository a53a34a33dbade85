package org.safeguarding.chronology.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.graphiql.GraphiQlPageChecks;
import org.safeguarding.chronology.graphql.ServedSchema;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.springframework.boot.test.web.server.LocalServerPort;

/** By default the service documents its schema through introspection, and serves GraphiQL from its jar. */
class SchemaDocsTest extends QueryServiceTestBase {

    @LocalServerPort
    int port;

    @Test
    void introspectionAnswersTheSdlsDescriptionStrings() {
        assertThat(ServedSchema.descriptions(graphQl, "queries"))
                .containsEntry("ChronologyEntry.occurredAt", "when it happened")
                .containsEntry("ChronologyEntry.knownAt", "when the recording agency itself came to know it")
                .containsEntry("ChronologyEntry.recordedAt", "when the version shown was recorded")
                .containsEntry("ChronologyEntry.summary", "what happened, in the recording agency's words")
                .containsEntry("EntryVersion.knownAt", "when the recording agency itself came to know it")
                .containsEntry("Query.chronology(knownAt)", "only what was known by this instant")
                .containsEntry("DateTime", "an ISO-8601 instant with an offset, e.g. 2007-03-01T09:30:00Z");
    }

    @Test
    void graphiQlIsServedFromTheJarUnderTheContentSecurityPolicy() {
        assertThat(GraphiQlPageChecks.servedWithItsFiles("http://localhost:" + port, QueryServiceTestBase.ADMIN_AUTHORIZATION)).hasSizeGreaterThan(40);
    }
}
