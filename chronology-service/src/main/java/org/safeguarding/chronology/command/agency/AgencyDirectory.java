package org.safeguarding.chronology.command.agency;

import org.safeguarding.chronology.api.rejection.RejectedException;

/** Whether an agency is registered; agencies are never removed. */
@FunctionalInterface
public interface AgencyDirectory {

    boolean isRegistered(String agencyId);

    default void requireRegistered(String agencyId) {
        if (!isRegistered(agencyId)) {
            throw RejectedException.notFound("agency " + agencyId + " is not registered");
        }
    }

    /** As {@link #requireRegistered(String)}, for an agency that a field other than agencyId names. */
    default void requireRegistered(String field, String agencyId) {
        if (!isRegistered(agencyId)) {
            throw RejectedException.notFound(field + " names agency " + agencyId + ", which is not registered");
        }
    }
}
