package org.safeguarding.chronology.query.status;

import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code projections} component of {@code /actuator/health}: each projection's status (position, head, lag,
 * state, segments and their owners) from one token-store read and one read of the head; DOWN while one is in error,
 * and when the store cannot be read.
 */
@Component
class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final Projections projections;

    ProjectionsHealthIndicator(Projections projections) {
        this.projections = projections;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        List<ProjectionStatus> statuses = projections.status();
        if (statuses.stream().anyMatch(status -> status.state().equals(ProjectionStatus.ERROR))) {
            health.down();
        } else {
            health.up();
        }
        statuses.forEach(status -> health.withDetail(status.name(), status));
    }
}
