package org.safeguarding.chronology.command.graphql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.command.ServiceTest;
import org.safeguarding.chronology.graphiql.GraphiQlPageChecks;
import org.safeguarding.chronology.graphql.ServedSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;

/** Under the prod profile the schema is closed to introspection and there is no GraphiQL. */
@ActiveProfiles("prod")
class ProdProfileTest extends ServiceTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @LocalServerPort
    int port;

    @Test
    void refusesIntrospectionAndHasNoGraphiQl() {
        ServedSchema.refusesIntrospection(graphQl, "RecordEntryInput");
        graphQl.document("{ eventStore { headSequence } }").execute().path("eventStore.headSequence").hasValue();
        GraphiQlPageChecks.absent("http://localhost:" + port, ServiceTest.ADMIN_AUTHORIZATION);
    }

    @AfterAll
    static void introspectionOnAgain() {
        ServedSchema.introspectionOnAgain();
    }
}
