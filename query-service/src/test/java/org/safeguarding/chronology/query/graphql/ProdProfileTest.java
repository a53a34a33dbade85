package org.safeguarding.chronology.query.graphql;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.graphiql.GraphiQlPageChecks;
import org.safeguarding.chronology.graphql.ServedSchema;
import org.safeguarding.chronology.query.QueryServiceTestBase;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Under the prod profile the schema is closed to introspection and there is no GraphiQL. */
@ActiveProfiles("prod")
class ProdProfileTest extends QueryServiceTestBase {

    @LocalServerPort
    int port;

    @Test
    void refusesIntrospectionAndHasNoGraphiQl() {
        ServedSchema.refusesIntrospection(graphQl, "ChronologyEntry");
        graphQl.document("{ projectionStatus { name } }").execute().path("projectionStatus").hasValue();
        GraphiQlPageChecks.absent("http://localhost:" + port, QueryServiceTestBase.ADMIN_AUTHORIZATION);
    }

    @AfterAll
    static void introspectionOnAgain() {
        ServedSchema.introspectionOnAgain();
    }
}
