package org.safeguarding.chronology.query.status;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The last failure of each segment this instance processed, until a batch of that segment succeeds here: a failed
 * batch is retried with back-off, possibly by another instance, and the processor itself stays running meanwhile.
 */
@Component
public class ProjectionFailures {

    private final Map<Key, String> failures = new ConcurrentHashMap<>();

    public void failed(String processor, int segment, Throwable failure) {
        failures.put(new Key(processor, segment), failure.toString());
    }

    public void succeeded(String processor, int segment) {
        failures.remove(new Key(processor, segment));
    }

    /** The failure of this segment not yet followed by a success here, or null. */
    String of(String processor, int segment) {
        return failures.get(new Key(processor, segment));
    }

    private record Key(String processor, int segment) {
    }
}
