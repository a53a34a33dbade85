package org.safeguarding.chronology.command.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.command.ServiceTest;
import org.safeguarding.chronology.graphiql.GraphiQlPageChecks;
import org.safeguarding.chronology.graphql.ServedSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** By default the service documents its schema through introspection, and serves GraphiQL from its jar. */
class SchemaDocsTest extends ServiceTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @LocalServerPort
    int port;

    @Test
    void introspectionAnswersTheSdlsDescriptionStrings() {
        assertThat(ServedSchema.descriptions(graphQl, "commands"))
                .containsEntry("RecordEntryInput.occurredAt", "when it happened")
                .containsEntry("RecordEntryInput.knownAt", "when the recording agency itself came to know it")
                .containsEntry("RecordEntryInput.summary", "what happened, in the agency's words (at most 10,000 characters)")
                .containsEntry("EntryReceipt.recordedAt", "the stored event's own timestamp (transaction time)")
                .containsEntry("CorrectEntryInput.agencyId", "must be the agency that recorded the entry")
                .containsEntry("RecordEntryInput.thresholdDecision", "children's social care's decision: only on a REFERRAL")
                .containsEntry("PlanActionInput.what", "what is to be done (at most 1,000 characters)");
    }

    @Test
    void graphiQlIsServedFromTheJarUnderTheContentSecurityPolicy() {
        assertThat(GraphiQlPageChecks.servedWithItsFiles("http://localhost:" + port, ServiceTest.ADMIN_AUTHORIZATION)).hasSizeGreaterThan(40);
    }
}
