package org.safeguarding.chronology.query.casestate;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CaseStateController {

    private final QueryGateway queries;

    CaseStateController(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    CompletableFuture<CaseStateView> caseState(@Argument String childId, @Argument Instant at,
                                               @Argument String knownBy, @Argument Instant recordedAsOf,
                                               @Argument Boolean verify) {
        return queries.query(new FindCaseState(childId, at, knownBy, recordedAsOf, Boolean.TRUE.equals(verify)),
                CaseStateView.class);
    }
}
