package org.safeguarding.chronology.command.child;

import org.safeguarding.chronology.api.rejection.RejectedException;

/** Which children are registered and which entries they have; neither is ever removed (a retraction keeps it). */
public interface ChildDirectory {

    boolean isRegistered(String childId);

    /** Whether the entry id names an entry of the child, retracted or not. */
    boolean hasEntry(String childId, String entryId);

    default void requireRegistered(String childId) {
        if (!isRegistered(childId)) {
            throw RejectedException.notFound("child " + childId + " is not registered");
        }
    }
}
