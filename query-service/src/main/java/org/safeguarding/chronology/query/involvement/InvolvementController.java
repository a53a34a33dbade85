package org.safeguarding.chronology.query.involvement;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.FindInvolvement;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class InvolvementController {

    private final QueryGateway queries;

    InvolvementController(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    CompletableFuture<List<AgencyInvolvementView>> involvement(@Argument String childId,
                                                               @Argument Instant recordedAsOf) {
        return queries.query(new FindInvolvement(childId, recordedAsOf),
                ResponseTypes.multipleInstancesOf(AgencyInvolvementView.class));
    }
}
