package org.safeguarding.chronology.query.child;

import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.child.ChildView;
import org.safeguarding.chronology.api.child.FindChild;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChildController {

    private final QueryGateway queries;

    ChildController(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    CompletableFuture<ChildView> child(@Argument String id) {
        return queries.query(new FindChild(id), ChildView.class);
    }
}
