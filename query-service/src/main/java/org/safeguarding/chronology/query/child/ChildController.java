package org.safeguarding.chronology.query.child;

import java.util.concurrent.CompletableFuture;
import graphql.schema.DataFetchingEnvironment;
import org.safeguarding.chronology.query.access.ChildReads;
import org.safeguarding.chronology.api.child.ChildView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChildController {

    private final ChildReads reads;

    ChildController(ChildReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    CompletableFuture<ChildView> child(@Argument String id, DataFetchingEnvironment field) {
        return reads.child(field, id);
    }
}
