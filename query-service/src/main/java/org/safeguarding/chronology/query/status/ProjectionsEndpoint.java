package org.safeguarding.chronology.query.status;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/projections}: status; {@code POST /actuator/projections}: rebuild every read model, with every
 * live instance (see {@link Rebuilds}).
 */
@Component
@Endpoint(id = "projections")
class ProjectionsEndpoint {

    private final Projections projections;
    private final Rebuilds rebuilds;

    ProjectionsEndpoint(Projections projections, Rebuilds rebuilds) {
        this.projections = projections;
        this.rebuilds = rebuilds;
    }

    @ReadOperation
    List<ProjectionStatus> status() {
        return projections.status();
    }

    @WriteOperation
    List<ProjectionStatus> rebuild() {
        return rebuilds.rebuild();
    }
}
