package org.safeguarding.chronology.command.person;

import java.time.Instant;
import org.safeguarding.chronology.command.child.RepeatableRecord;
import org.safeguarding.chronology.api.person.PersonKnownRecorded;
import org.safeguarding.chronology.api.person.RecordPersonKnown;

/** An accepted recordPersonKnown: an agency knows a person in the child's life (state of the ChildCase aggregate). */
public record PersonRecord(PersonKnownRecorded recorded, Instant recordedAt) implements RepeatableRecord<RecordPersonKnown> {

    /** Whether a recordPersonKnown under this record's key repeats every field of it. */
    @Override
    public boolean isRepeatedBy(RecordPersonKnown command) {
        return recorded.personId().equals(command.personId())
                && recorded.role() == command.role()
                && recorded.sex() == command.sex()
                && recorded.livesWithChild() == command.livesWithChild()
                && recorded.knownAt().equals(command.knownAt());
    }
}
