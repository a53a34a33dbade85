package org.safeguarding.chronology.query.casestate;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import graphql.schema.DataFetchingEnvironment;
import org.safeguarding.chronology.query.access.ChildReads;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CaseStateController {

    private final ChildReads reads;

    CaseStateController(ChildReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    CompletableFuture<CaseStateView> caseState(@Argument String childId, @Argument Instant at,
                                               @Argument String knownBy, @Argument Instant recordedAsOf,
                                               @Argument Boolean verify, DataFetchingEnvironment field) {
        return reads.caseState(field, new FindCaseState(childId, at, knownBy, recordedAsOf, Boolean.TRUE.equals(verify)));
    }
}
