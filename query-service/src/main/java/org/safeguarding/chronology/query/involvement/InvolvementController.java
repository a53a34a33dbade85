package org.safeguarding.chronology.query.involvement;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import graphql.schema.DataFetchingEnvironment;
import org.safeguarding.chronology.query.access.ChildReads;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.FindInvolvement;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class InvolvementController {

    private final ChildReads reads;

    InvolvementController(ChildReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    CompletableFuture<List<AgencyInvolvementView>> involvement(@Argument String childId,
                                                               @Argument Instant recordedAsOf,
                                                               DataFetchingEnvironment field) {
        return reads.involvement(field, new FindInvolvement(childId, recordedAsOf));
    }
}
