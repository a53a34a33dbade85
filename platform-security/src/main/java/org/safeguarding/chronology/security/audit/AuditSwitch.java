package org.safeguarding.chronology.security.audit;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/audit} (ADMIN): turns the audit of reads off and on, so that the benchmark can measure what
 * auditing costs beside its baseline in the same run. It exists only when the platform is started with
 * {@code chronology.audit.switchable=true}, which ./bench.sh does and nothing else should.
 */
@Endpoint(id = "audit")
public class AuditSwitch {

    private static final Logger log = LoggerFactory.getLogger(AuditSwitch.class);

    private final AuditTrail trail;

    public AuditSwitch(AuditTrail trail) {
        this.trail = trail;
    }

    @ReadOperation
    public Map<String, Object> state() {
        return Map.of("recording", trail.recording());
    }

    @WriteOperation
    public Map<String, Object> recording(boolean recording) {
        trail.recording(recording);
        log.warn("The audit of reads is now {} (chronology.audit.switchable is on: benchmarks only)",
                recording ? "on" : "OFF");
        return state();
    }
}
