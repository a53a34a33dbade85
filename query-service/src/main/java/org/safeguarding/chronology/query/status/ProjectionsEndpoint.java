package org.safeguarding.chronology.query.status;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/** {@code GET /actuator/projections}: status; {@code POST /actuator/projections}: rebuild every read model. */
@Component
@Endpoint(id = "projections")
class ProjectionsEndpoint {

    private final Projections projections;

    ProjectionsEndpoint(Projections projections) {
        this.projections = projections;
    }

    @ReadOperation
    List<ProjectionStatus> status() {
        return projections.status();
    }

    @WriteOperation
    List<ProjectionStatus> rebuild() {
        return projections.rebuild();
    }
}
