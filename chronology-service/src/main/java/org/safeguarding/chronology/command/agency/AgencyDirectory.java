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
}
