package org.safeguarding.chronology.query.status;

import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ProjectionStatusController {

    private final Projections projections;

    ProjectionStatusController(Projections projections) {
        this.projections = projections;
    }

    @QueryMapping
    List<ProjectionStatus> projectionStatus() {
        return projections.status();
    }
}
